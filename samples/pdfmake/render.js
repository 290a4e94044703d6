// Render a pdfmake document definition (JSON, written by samples/pdfmake_report.py) to a PDF.
//
// Usage: node render.js definition.json out.pdf
//
// What a web planning system's export does on its server: pdfmake's document definition, fonts
// from TrueType files, table layouts as functions (rules, fills, padding), a footer function for
// "Sida N av M". JSON holds no functions, so the definition names them declaratively:
//   - "fonts": pdfmake's font dictionary (family -> normal/bold/italics/bolditalics file), taken out
//     of the definition and given to pdfmake.setFonts;
//   - a table's "layout": {"followup": {...}} becomes the layout functions below;
//   - "footer": {"pageNumbers": "Sida {page} av {pages}", ...} becomes a footer function;
//   - "info.creationDate": an ISO date, made a Date (pdfkit derives the file ID from the info, so a
//     fixed date makes two renderings byte-identical).
'use strict';

const fs = require('fs');
const pdfmake = require('pdfmake');

function tableLayout(spec) {
  // spec: rules ("grid" | "horizontal" | "none"), ruleWidth, ruleColor, headerRuleWidth,
  // headerRuleColor, headerRows, rowFills ({row index: colour}), padding (points).
  const rules = spec.rules;
  const padding = spec.padding;
  return {
    hLineWidth(i, node) {
      if (rules === 'none') {
        return 0;
      }
      if (rules === 'horizontal') {
        if (i === 0) {
          return 0;
        }
        return i === spec.headerRows ? spec.headerRuleWidth : spec.ruleWidth;
      }
      return spec.ruleWidth;
    },
    vLineWidth(i, node) {
      return rules === 'grid' ? spec.ruleWidth : 0;
    },
    hLineColor(i, node) {
      return rules === 'horizontal' && i === spec.headerRows ? spec.headerRuleColor : spec.ruleColor;
    },
    vLineColor(i, node) {
      return spec.ruleColor;
    },
    fillColor(rowIndex, node, columnIndex) {
      const fill = spec.rowFills[String(rowIndex)];
      return fill === undefined ? null : fill;
    },
    paddingLeft(i, node) { return padding; },
    paddingRight(i, node) { return padding; },
    paddingTop(i, node) { return padding; },
    paddingBottom(i, node) { return padding; },
  };
}

function withFunctions(node) {
  if (Array.isArray(node)) {
    return node.map(withFunctions);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const result = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'layout' && value !== null && typeof value === 'object' && value.followup) {
      result.layout = tableLayout(value.followup);
    } else {
      result[key] = withFunctions(value);
    }
  }
  return result;
}

function footer(spec) {
  return (currentPage, pageCount) => ({
    text: spec.pageNumbers.replace('{page}', String(currentPage)).replace('{pages}', String(pageCount)),
    alignment: 'right',
    fontSize: spec.fontSize,
    color: spec.color,
    margin: spec.margin,
  });
}

async function main() {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) {
    console.error('usage: node render.js definition.json out.pdf');
    process.exit(2);
  }
  const definition = JSON.parse(fs.readFileSync(source, 'utf8'));
  const fonts = definition.fonts;
  delete definition.fonts;
  const fontFiles = new Set(Object.values(fonts).flatMap((faces) => Object.values(faces)));
  pdfmake.setFonts(fonts);
  // The document reads no web address and only the font files it names.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
  const document = withFunctions(definition);
  document.footer = footer(definition.footer);
  document.info.creationDate = new Date(definition.info.creationDate);
  document.info.modDate = new Date(definition.info.creationDate);
  await pdfmake.createPdf(document).write(target);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
