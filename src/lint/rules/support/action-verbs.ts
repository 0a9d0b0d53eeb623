/**
 * Verbs that start an action item ("Add an alert", "Document the runbook"), and reading a
 * word as one of their forms: the base form (imperative), the -ing form ("Adding ...") and
 * the past form of a done item ("Added ...").
 */

const VERBS = new Set(`
accept account add adjust adopt aggregate alert align allocate allow analyse analyze announce apply archive ask assess assign audit
automate avoid back backfill backport block bootstrap bound build bump buy calibrate cap capture centralise centralize change check
clarify clean cleanup close codify collect combine communicate compare complete configure confirm consolidate contact continue
convert coordinate copy correct create cut deduplicate define delete deploy deprecate design detect determine develop disable
discuss document double drain drop dry educate eliminate email emit enable encrypt enforce ensure escalate establish estimate
evaluate examine exercise expand expire explore export expose extend extract file filter finalise finalize find fix flag follow
force fork formalise formalize gate gather generate give grant guard handle harden hire host identify implement import improve
include increase inform install instrument integrate introduce investigate invite isolate keep kill label launch lead limit
link lint list load lock log lower maintain make manage mark measure merge migrate minimise minimize mirror mitigate model
modify monitor move mute name negotiate notify obtain onboard open optimise optimize organise organize own page pair partition
patch pause perform pilot pin plan poll port post practice practise prepare present prevent prioritise prioritize probe produce
profile prohibit propagate propose protect prototype provide provision publish pull purge push put quarantine query raise
rate reassess rebalance rebuild receive reconcile record recover redeploy redesign reduce refactor reference refine refresh
register reinstate reject release relocate remind remove rename reorganise reorganize repair repeat replace replicate report
request require reserve reset resize resolve restart restore restrict restructure resume retire retrain retry return review
revise revisit revoke rewrite rework roll rotate route run sanitise sanitize scale schedule scope scrub secure segment send
separate set setup share ship shorten shut sign simplify simulate size snapshot socialise socialize solve split spread stage
standardise standardize start stop store streamline strengthen stress structure study submit subscribe summarise summarize
supply support suppress surface swap switch sync synchronise synchronize tag take talk target teach test throttle tighten
time track train transfer translate trial triage trigger troubleshoot tune turn unblock unify uninstall update upgrade upload
use validate verify version warn watch wire write
have get go figure do look forge
acquire act address adhere advertise advise alarm alter amend analyse annotate anonymise anonymize answer appoint approve arrange
attach attend author authorise authorize backup balance batch benchmark brief broadcast budget buffer bundle cache call cancel
certify chain choose circulate cite codify commit compile compose compute conduct consider construct consult contain contribute
control coach debug decide decommission decouple dedicate default defer delegate deliver demonstrate denylist allowlist
deny describe detach diagnose differentiate digitise digitize dispatch display distribute divide double-check downgrade draft drill
edit elect embed employ empower encourage engage enhance enlist enrol enroll enter equip escalate evaluate evolve exclude execute
expedite explain fail failover fetch fill finish flush forbid forecast form formalise gather govern group guarantee halt hand
hide highlight hold host hotfix identify ignore illustrate impose increase incorporate index inspect inquire instruct insure
interview invalidate invest investigate issue iterate join justify land learn leverage license lift localise localize
locate mandate map master match maximise maximize mentor migrate mock modernise modernize mount negotiate normalise normalize
observe offer offload onboard operate order outline overhaul override package parallelise parallelize parameterise parameterize
participate pass peer persist phase pick pin place plug point polish pool populate postpone power precompute predict preload
preserve prevent price print proceed process procure program programme promote prompt prove provide purchase qualify quantify
question queue rank reach read realign rearchitect reboot recalculate recheck recommend reconfigure reconsider redact redirect
redistribute redo reenable reevaluate refill reformat regenerate reimplement reindex reinforce reissue relax reload rely remediate
render renew reorder repackage rephrase replay reply reprioritise reprioritize reproduce require rerun research reschedule
resend reserve reshard respond restrict resubmit retain rethink retrigger reuse reveal revert reword right rollback rollout
sample save scan scope search seed select sequence serve service settle shadow shard shift shorten show shrink sketch skip
slow snooze solicit sort source specify speed spin sponsor stabilise stabilize staff standardise state steer stock
strip subdivide substitute succeed suggest supervise survey suspend sweep systematise systematize tackle tail terminate thank
ticket timebox toggle trace trim trust underline understand undo uniform unlock unpin unset untangle upskill urge utilise
utilize vacuum vary vet visit visualise visualize volunteer wait walk warm weigh whitelist blacklist widen withdraw word work
wrap zero
`.trim().split(/\s+/));

/** Whether a word is a form of an action verb: base, -ing or past. */
export function isActionVerb(word: string): boolean {
  const lower = word.toLowerCase().replace(/[^a-z-]/g, '');
  if (VERBS.has(lower)) return true;
  // "Re-run", "re-enable", "auto-scale": a prefixed verb is still the verb.
  const prefixed = /^(?:re|auto|pre|co|un)-(.+)$/.exec(lower);
  if (prefixed) return isActionVerb(prefixed[1] as string);
  const stems: string[] = [];
  if (lower.endsWith('ing')) {
    const stem = lower.slice(0, -3);
    stems.push(stem, `${stem}e`, stem.slice(0, -1));
  }
  if (lower.endsWith('ied')) stems.push(`${lower.slice(0, -3)}y`);
  if (lower.endsWith('ed')) {
    const stem = lower.slice(0, -2);
    stems.push(stem, `${stem}e`, stem.slice(0, -1), lower.slice(0, -1));
  }
  return stems.some((stem) => stem.length >= 2 && VERBS.has(stem));
}
