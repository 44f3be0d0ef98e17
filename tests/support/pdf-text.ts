// The text of a PDF, as a reader's "copy all" would give it: pages separated by a form feed, lines by newlines.
// Uses pdf.js's legacy build, which runs in Node. Tests use it to check what a printed sheet says.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const PAGE_BREAK = '\f';

/** The text of each page. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(pdf), disableFontFace: true, verbosity: 0 });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await pdfPages(pdf)).join(PAGE_BREAK);
}
