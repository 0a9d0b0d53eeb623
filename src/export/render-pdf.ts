/**
 * Exported HTML pages -> PDF, printed by the system Chromium with the pages' own A4 print
 * stylesheet. JavaScript is switched off and the browser context is offline: the PDF is
 * made from the HTML and its inline CSS alone.
 */
import { findChromium, launchChromium } from './chromium.js';

/** Options for {@link renderPdf}. */
export interface PdfOptions {
  /** The Chromium executable; default {@link findChromium}'s choice. */
  executablePath?: string;
  /** Environment to look for `POSTMORTEM_CHROMIUM` and `PATH` in. Default `process.env`. */
  env?: Record<string, string | undefined>;
}

// Chromium fills in the page number and count; nothing from the postmortem goes here.
const FOOTER = '<div style="width:100%;font-size:8px;color:#777;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Prints each HTML page to an A4 PDF with one browser. Resolves to the PDFs in the order of
 * `pages`. Throws `PostmortemError` when there is no Chromium (saying how to install one) or
 * it will not start.
 */
export async function renderPdf(pages: readonly string[], options: PdfOptions = {}): Promise<Uint8Array[]> {
  const executablePath = options.executablePath ?? findChromium(options.env);
  const browser = await launchChromium(executablePath);
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const pdfs: Uint8Array[] = [];
    for (const html of pages) {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      pdfs.push(await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: FOOTER,
      }));
      await page.close();
    }
    await context.close();
    return pdfs;
  } finally {
    await browser.close();
  }
}
