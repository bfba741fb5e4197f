declare module 'svg-to-pdfkit' {
  // The package ships no types: it draws an SVG string onto a PDFKit document at (x, y).
  const SVGtoPDF: (
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; assumePt?: boolean },
  ) => void;
  export default SVGtoPDF;
}
