// Render a report definition (JSON, written by samples/jspdf_report.py) with jsPDF and
// jspdf-autotable, the way a web app exports its table to PDF.
//
// Usage: node render.js definition.json out.pdf
//
// What such an export does: `new jsPDF({orientation, unit: 'mm', format})`, a TrueType font added
// to jsPDF's virtual file system (`addFileToVFS` + `addFont`) so that å ä ö print, the title and
// paragraphs with `text` / `splitTextToSize`, and each table with `autoTable` and its own options:
// `theme` (grid / striped / plain), `headStyles`, `columnStyles` widths, `showHead`,
// `rowPageBreak` ('auto' lets a row run over a page break, 'avoid' moves it whole), body rows
// holding `colSpan` group rows and `rowSpan` merged cells, and the hooks `didParseCell` (the status
// cell's colour, a highlighted row) and `didDrawCell` (a status dot). The running header and
// "Sida N av M" are written on every page once the document is laid out.
'use strict';

const fs = require('fs');
const { jsPDF } = require('jspdf');
const { autoTable } = require('jspdf-autotable');

const PT = 25.4 / 72; // mm per point

function rgb(hex) {
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

class Writer {
  constructor(def) {
    this.def = def;
    this.doc = new jsPDF({ orientation: def.orientation, unit: 'mm', format: def.format, compress: true });
    for (const [style, path] of Object.entries(def.fontFiles)) {
      const name = `${def.font}-${style}.ttf`;
      this.doc.addFileToVFS(name, fs.readFileSync(path).toString('base64'));
      this.doc.addFont(name, def.font, style);
    }
    this.doc.setFont(def.font, 'normal');
    this.margins = def.margins; // mm: top, right, bottom, left
    this.width = this.doc.internal.pageSize.getWidth();
    this.height = this.doc.internal.pageSize.getHeight();
    this.y = this.margins.top;
  }

  get textWidth() {
    return this.width - this.margins.left - this.margins.right;
  }

  // Start a new page when `needed` mm do not fit under the current line.
  room(needed) {
    if (this.y + needed > this.height - this.margins.bottom) {
      this.doc.addPage();
      this.y = this.margins.top;
    }
  }

  paragraph(text, size, { bold = false, colour = '000000', gap = 0 } = {}) {
    const doc = this.doc;
    doc.setFont(this.def.font, bold ? 'bold' : 'normal');
    doc.setFontSize(size);
    doc.setTextColor(...rgb(colour));
    const lineHeight = size * PT * this.def.lineHeight;
    this.y += gap;
    for (const line of doc.splitTextToSize(text, this.textWidth)) {
      this.room(lineHeight);
      doc.text(line, this.margins.left, this.y, { baseline: 'top' });
      this.y += lineHeight;
    }
  }

  block(node) {
    const doc = this.doc;
    const size = this.def.fontSize;
    switch (node.type) {
      case 'title':
        this.paragraph(node.text, 15, { bold: true, colour: this.def.titleColour });
        this.y += 1.5;
        break;
      case 'text':
        node.paragraphs.forEach((p) => this.paragraph(p.text, node.size || size, { gap: p.gap ? 1.5 : 0 }));
        this.y += node.after || 0;
        break;
      case 'heading':
        this.room(25);
        this.paragraph(node.text, 11, { bold: true, colour: this.def.titleColour, gap: 3 });
        this.y += 1.5;
        break;
      case 'subheading':
        this.room(20);
        this.paragraph(node.text, size + 1, { bold: true, gap: 2 });
        this.y += 1;
        break;
      case 'milestones': {
        // One filled box per milestone, its label (wrapped to the box) over its date; as many
        // boxes on a line as the page has room for.
        const line = size * PT * this.def.lineHeight;
        const perLine = Math.max(1, Math.floor((this.textWidth + 4) / 50));
        doc.setFontSize(size);
        doc.setFont(this.def.font, 'bold');
        const labels = node.items.map((item) => doc.splitTextToSize(item.label, 42));
        for (let first = 0; first < node.items.length; first += perLine) {
          const chunk = node.items.slice(first, first + perLine);
          const lines = Math.max(...labels.slice(first, first + perLine).map((l) => l.length)) + 1;
          const boxHeight = lines * line + 4;
          this.room(boxHeight + 2);
          chunk.forEach((item, i) => {
            const x = this.margins.left + i * 50;
            doc.setFillColor(...rgb(node.fill));
            doc.rect(x, this.y, 46, boxHeight, 'F');
            doc.setTextColor(0, 0, 0);
            doc.setFont(this.def.font, 'bold');
            const label = labels[first + i];
            doc.text(label, x + 2, this.y + 2, { baseline: 'top', lineHeightFactor: this.def.lineHeight });
            doc.setFont(this.def.font, 'normal');
            doc.text(item.date, x + 2, this.y + 2 + label.length * line, { baseline: 'top' });
          });
          this.y += boxHeight + 3;
        }
        this.y += 1;
        break;
      }
      case 'legend': {
        this.room(8);
        doc.setFontSize(size);
        doc.setTextColor(0, 0, 0);
        doc.setFont(this.def.font, 'bold');
        doc.text('STATUS', this.margins.left, this.y, { baseline: 'top' });
        let x = this.margins.left + doc.getTextWidth('STATUS') + 4;
        doc.setFont(this.def.font, 'normal');
        for (const entry of node.entries) {
          const mid = this.y + size * PT * 0.55;
          if (entry.marker === 'dot') {
            doc.setFillColor(...rgb(entry.colour));
            doc.circle(x + 1.6, mid, 1.6, 'F');
          } else if (entry.marker === 'glyph') {
            doc.setTextColor(...rgb(entry.colour));
            doc.text('\u25cf', x, this.y, { baseline: 'top' });
            doc.setTextColor(0, 0, 0);
          } else {
            doc.setFillColor(...rgb(entry.colour));
            doc.rect(x, mid - 1.5, 4.5, 3, 'F');
          }
          x += 6;
          doc.text(entry.label, x, this.y, { baseline: 'top' });
          x += doc.getTextWidth(entry.label) + 6;
        }
        this.y += size * PT * this.def.lineHeight + 4;
        break;
      }
      case 'table':
        this.table(node);
        break;
      default:
        throw new Error(`unknown block ${node.type}`);
    }
  }

  table(node) {
    const doc = this.doc;
    const statusFills = node.statusFills; // body row index -> colour (or null)
    const rowFills = node.rowFills; // body row index -> colour
    const rules = node.rules;
    const rotated = new Set(node.rotatedColumns);
    const turned = {};
    const ruleColour = rgb(node.ruleColour);
    const styles = {
      font: this.def.font,
      fontSize: this.def.fontSize,
      cellPadding: node.padding,
      valign: 'top',
      overflow: 'linebreak',
      textColor: [20, 20, 20],
      lineColor: ruleColour,
    };
    if (rules === 'horizontal') {
      styles.lineWidth = { top: 0, right: 0, bottom: node.ruleWidth, left: 0 };
    } else if (rules === 'grid') {
      styles.lineWidth = node.ruleWidth;
    } else {
      styles.lineWidth = 0;
    }
    const headStyles = { fontStyle: 'bold', valign: 'bottom', fillColor: rgb(node.headFill),
                         textColor: rgb(node.headText) };
    if (rules === 'horizontal') {
      headStyles.lineWidth = { top: 0, right: 0, bottom: node.headRuleWidth, left: 0 };
      headStyles.lineColor = rgb(node.headRuleColour);
    }
    const columnStyles = {};
    node.widths.forEach((w, i) => { columnStyles[i] = { cellWidth: w }; });
    const options = {
      startY: this.y,
      margin: { top: this.margins.top, right: this.margins.right, bottom: this.margins.bottom,
                left: this.margins.left },
      theme: node.theme,
      head: [node.head],
      body: node.body,
      styles,
      headStyles,
      columnStyles,
      showHead: node.repeatHead ? 'everyPage' : 'firstPage',
      rowPageBreak: node.rowPageBreak,
      didParseCell: (data) => {
        if (data.section === 'head' && rotated.has(data.column.index)) {
          // A turned header: the cell keeps the text's length as its height, the text is drawn
          // turned a quarter in didDrawCell.
          const text = data.cell.text.join(' ');
          turned[data.column.index] = text;
          data.cell.text = [''];
          doc.setFont(this.def.font, 'bold');
          doc.setFontSize(this.def.fontSize);
          data.cell.styles.minCellHeight = doc.getTextWidth(text) + 2 * node.padding;
          return;
        }
        if (data.section !== 'body') {
          return;
        }
        const row = data.row.index;
        if (rowFills[row] !== undefined) {
          data.cell.styles.fillColor = rgb(rowFills[row]);
        }
        if (data.column.index === node.statusColumn && data.cell.colSpan === 1 && row in statusFills) {
          const colour = statusFills[row];
          if (node.statusStyle === 'fill' && colour) {
            data.cell.styles.fillColor = rgb(colour);
          } else if (node.statusStyle === 'label' && colour) {
            data.cell.styles.fillColor = rgb(colour);
            data.cell.styles.textColor = rgb(node.statusText[row]);
            data.cell.styles.fontStyle = 'bold';
          } else if (node.statusStyle === 'glyph' && colour) {
            data.cell.styles.textColor = rgb(colour);
            data.cell.styles.fontSize = this.def.fontSize + 3;
          }
        }
      },
      didDrawCell: (data) => {
        if (data.section === 'head' && rotated.has(data.column.index)) {
          doc.setFont(this.def.font, 'bold');
          doc.setFontSize(this.def.fontSize);
          doc.setTextColor(...rgb(node.headText));
          doc.text(turned[data.column.index], data.cell.x + node.padding + this.def.fontSize * PT,
                   data.cell.y + data.cell.height - node.padding, { angle: 90 });
          return;
        }
        if (data.section !== 'body' || node.statusStyle !== 'dot' || data.column.index !== node.statusColumn
            || data.cell.colSpan !== 1 || !(data.row.index in statusFills)) {
          return;
        }
        const colour = statusFills[data.row.index];
        const x = data.cell.x + node.padding + 1.4;
        const y = data.cell.y + node.padding + 1.4;
        if (colour) {
          doc.setFillColor(...rgb(colour));
          doc.circle(x, y, 1.25, 'F');
        } else {
          doc.setDrawColor(128, 128, 128);
          doc.setLineWidth(0.2);
          doc.circle(x, y, 1.25, 'S');
        }
      },
    };
    if (node.alternateFill) {
      options.alternateRowStyles = { fillColor: rgb(node.alternateFill) };
    }
    autoTable(doc, options);
    this.y = doc.lastAutoTable.finalY + 5;
  }

  // The running header and "Sida N av M" on every page, once the number of pages is known.
  furniture() {
    const doc = this.doc;
    const pages = doc.getNumberOfPages();
    for (let page = 1; page <= pages; page += 1) {
      doc.setPage(page);
      doc.setFont(this.def.font, 'normal');
      doc.setFontSize(7);
      doc.setTextColor(90, 90, 90);
      doc.text(this.def.runningHeader, this.margins.left, this.margins.top / 2, { baseline: 'middle' });
      const footer = this.def.footer.replace('{page}', String(page)).replace('{pages}', String(pages));
      doc.text(footer, this.width - this.margins.right, this.height - this.margins.bottom / 2,
               { baseline: 'middle', align: 'right' });
    }
  }
}

function main() {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) {
    console.error('usage: node render.js definition.json out.pdf');
    process.exit(2);
  }
  const def = JSON.parse(fs.readFileSync(source, 'utf8'));
  const writer = new Writer(def);
  const doc = writer.doc;
  // A fixed date and file ID: two renderings of the same content are byte-identical.
  doc.setCreationDate(new Date(def.creationDate));
  doc.setFileId(def.fileId);
  doc.setProperties({ title: def.title, creator: def.creator });
  def.blocks.forEach((node) => writer.block(node));
  writer.furniture();
  fs.writeFileSync(target, Buffer.from(doc.output('arraybuffer')));
}

main();
