// A hospital planning system's PDF export, written the way old Java business systems write it:
// iText 2.1.7 (com.lowagie.text, Debian's libitext-java), a Document with a page event for the
// running header and the page number, Paragraphs for the title and intro, a PdfPTable per section
// with setHeaderRows (the header on every page), setWidths, setSplitRows/setSplitLate, PdfPCells
// with background colours, border masks (Rectangle.BOTTOM for horizontal rules), colspan group
// rows, rowspan merged cells, rotated header cells, a PdfPCellEvent drawing a status dot, a nested PdfPTable in a cell,
// and TrueType fonts embedded with BaseFont.IDENTITY_H.
//
// The report definition comes from samples/itext_report.py as a line-based file (no JSON library
// is guaranteed on a Debian Java): one command per line, fields separated by TAB, each field
// escaped with \\, \t and \n. Usage: java -cp itext.jar:build ItextReport report.txt out.pdf
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class ItextReport {
    private static final float LEADING = 1.2f;

    private BaseFont regular;
    private BaseFont bold;
    private Document document;
    private PdfWriter writer;
    private PdfPTable table;

    /** A status dot drawn on the cell's background canvas: the system's own marker. */
    private static final class Dot implements PdfPCellEvent {
        private final Color colour;
        private final float diameter;

        Dot(Color colour, float diameter) {
            this.colour = colour;
            this.diameter = diameter;
        }

        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            float x = (position.getLeft() + position.getRight()) / 2;
            float y = position.getTop() - cell.getPaddingTop() - diameter / 2 - 1;
            canvas.saveState();
            if (colour == null) {
                canvas.setColorStroke(Color.GRAY);
                canvas.setLineWidth(0.6f);
                canvas.circle(x, y, diameter / 2 - 0.3f);
                canvas.stroke();
            } else {
                canvas.setColorFill(colour);
                canvas.circle(x, y, diameter / 2);
                canvas.fill();
            }
            canvas.restoreState();
        }
    }

    /** The running header top left and "Sida N" bottom right of every page. */
    private static final class Furniture extends PdfPageEventHelper {
        private final String header;
        private final Font font;

        Furniture(String header, Font font) {
            this.header = header;
            this.font = font;
        }

        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(header, font),
                    document.left(), page.getHeight() - document.topMargin() / 2, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    new Phrase("Sida " + writer.getPageNumber(), font),
                    document.right(), document.bottomMargin() / 2, 0);
        }
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, String> options(String[] fields) {
        Map<String, String> values = new HashMap<String, String>();
        for (int i = 1; i < fields.length; i++) {
            int equals = fields[i].indexOf('=');
            values.put(fields[i].substring(0, equals), unescape(fields[i].substring(equals + 1)));
        }
        return values;
    }

    private static Color colour(String hex) {
        if (hex == null || hex.isEmpty()) {
            return null;
        }
        return new Color(Integer.parseInt(hex, 16));
    }

    private static float number(Map<String, String> o, String key, float fallback) {
        String value = o.get(key);
        return value == null ? fallback : Float.parseFloat(value);
    }

    private Font font(Map<String, String> o) {
        Color ink = colour(o.get("color"));
        return new Font("1".equals(o.get("bold")) ? bold : regular, number(o, "size", 8f), Font.NORMAL,
                ink == null ? Color.BLACK : ink);
    }

    private static int alignment(String name) {
        if ("center".equals(name)) {
            return Element.ALIGN_CENTER;
        }
        if ("right".equals(name)) {
            return Element.ALIGN_RIGHT;
        }
        if ("justify".equals(name)) {
            return Element.ALIGN_JUSTIFIED;
        }
        return Element.ALIGN_LEFT;
    }

    private static int verticalAlignment(String name) {
        if ("bottom".equals(name)) {
            return Element.ALIGN_BOTTOM;
        }
        return "middle".equals(name) ? Element.ALIGN_MIDDLE : Element.ALIGN_TOP;
    }

    /** One Paragraph per line of the text; an empty line gives the next paragraph space before. */
    private static List<Paragraph> paragraphs(String text, Font font, int align) {
        List<Paragraph> result = new ArrayList<Paragraph>();
        boolean gap = false;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                gap = !result.isEmpty();
                continue;
            }
            Paragraph paragraph = new Paragraph(line, font);
            paragraph.setLeading(font.getSize() * LEADING);
            paragraph.setAlignment(align);
            if (gap) {
                paragraph.setSpacingBefore(font.getSize() * 0.7f);
            }
            result.add(paragraph);
            gap = false;
        }
        return result;
    }

    private void start(Map<String, String> o) throws Exception {
        Rectangle size = new Rectangle(number(o, "width", 842), number(o, "height", 595));
        if ("1".equals(o.get("rotate"))) {
            // PageSize.A4.rotate(): the page stored portrait with /Rotate 90.
            size = new Rectangle(number(o, "height", 595), number(o, "width", 842)).rotate();
        }
        document = new Document(size, number(o, "left", 36), number(o, "right", 36),
                number(o, "top", 36), number(o, "bottom", 36));
        writer = PdfWriter.getInstance(document, new FileOutputStream(o.get("out")));
        regular = BaseFont.createFont(o.get("font"), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        bold = BaseFont.createFont(o.get("bold_font"), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        Font furniture = new Font(regular, 7, Font.NORMAL, new Color(0x555555));
        writer.setPageEvent(new Furniture(o.get("header"), furniture));
        document.addTitle(o.get("title"));
        document.addAuthor(o.get("author"));
        document.addCreator(o.get("creator"));
        document.open();
    }

    private void paragraph(Map<String, String> o) throws Exception {
        List<Paragraph> paragraphs = paragraphs(o.get("text"), font(o), alignment(o.get("align")));
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph paragraph = paragraphs.get(i);
            if (i == 0) {
                paragraph.setSpacingBefore(number(o, "before", 0));
            }
            if (i == paragraphs.size() - 1) {
                paragraph.setSpacingAfter(number(o, "after", 0));
            }
            document.add(paragraph);
        }
    }

    private void table(Map<String, String> o) throws Exception {
        String[] shares = o.get("widths").split(",");
        float[] widths = new float[shares.length];
        for (int i = 0; i < shares.length; i++) {
            widths[i] = Float.parseFloat(shares[i]);
        }
        table = new PdfPTable(widths.length);
        table.setWidths(widths);
        table.setWidthPercentage(number(o, "percent", 100));
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setHeaderRows((int) number(o, "header_rows", 0));
        table.setSplitRows(true);
        // splitLate false: a row that does not fit is split at the page's foot rather than moved.
        table.setSplitLate(!"1".equals(o.get("split_early")));
        table.setSpacingBefore(number(o, "before", 0));
        table.setSpacingAfter(number(o, "after", 0));
    }

    private PdfPTable nested(String rows, Font font, float padding) {
        String[] lines = rows.split("\n");
        int columns = lines[0].split("\t", -1).length;
        PdfPTable inner = new PdfPTable(columns);
        inner.setWidthPercentage(80);
        inner.setHorizontalAlignment(Element.ALIGN_LEFT);
        inner.setSpacingBefore(2);
        inner.setSpacingAfter(2);
        for (String line : lines) {
            for (String text : line.split("\t", -1)) {
                PdfPCell cell = new PdfPCell(new Phrase(text, font));
                cell.setBorderWidth(0.4f);
                cell.setBorderColor(new Color(0x9AA5B1));
                cell.setPadding(padding);
                inner.addCell(cell);
            }
        }
        return inner;
    }

    private void cell(Map<String, String> o) {
        Font font = font(o);
        int align = alignment(o.get("align"));
        PdfPCell cell;
        int rotation = (int) number(o, "rotate", 0);
        if (rotation != 0) {
            // A turned header: text mode, as PdfPRow turns the cell's own column.
            cell = new PdfPCell(new Phrase(o.get("text"), font));
            cell.setRotation(rotation);
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        } else if (!o.containsKey("table") && !"1".equals(o.get("first_bold"))) {
            // Text mode, what most iText code writes: new PdfPCell(new Phrase(text, font)); the
            // author's blank lines stay empty lines.
            cell = new PdfPCell(new Phrase(o.get("text"), font));
            cell.setLeading(font.getSize() * LEADING, 0);
            cell.setHorizontalAlignment(align);
            cell.setVerticalAlignment(verticalAlignment(o.get("valign")));
        } else {
            // Composite mode (addElement) for a cell holding a nested table or two fonts.
            cell = new PdfPCell();
            List<Paragraph> lines = paragraphs(o.get("text"), font, align);
            if ("1".equals(o.get("first_bold")) && !lines.isEmpty()) {
                // A milestone box: its label bold over its date.
                Font heavy = new Font(bold, font.getSize(), Font.NORMAL, font.getColor());
                Paragraph first = lines.get(0);
                Paragraph label = new Paragraph(first.getContent(), heavy);
                label.setLeading(first.getLeading());
                lines.set(0, label);
            }
            for (Paragraph paragraph : lines) {
                cell.addElement(paragraph);
            }
            if (o.containsKey("table")) {
                Font small = new Font(font.getBaseFont(), font.getSize() - 0.6f);
                cell.addElement(nested(o.get("table"), small, 1.5f));
                for (Paragraph paragraph : paragraphs(o.get("after"), font, align)) {
                    cell.addElement(paragraph);
                }
            }
            cell.setVerticalAlignment(verticalAlignment(o.get("valign")));
        }
        cell.setColspan((int) number(o, "colspan", 1));
        cell.setRowspan((int) number(o, "rowspan", 1));
        cell.setPadding(number(o, "padding", 3));
        cell.setPaddingTop(number(o, "padding", 3) - 1);
        Color fill = colour(o.get("fill"));
        if (fill != null) {
            cell.setBackgroundColor(fill);
        }
        String borders = o.containsKey("border") ? o.get("border") : "";
        int mask = Rectangle.NO_BORDER;
        mask |= borders.contains("t") ? Rectangle.TOP : 0;
        mask |= borders.contains("b") ? Rectangle.BOTTOM : 0;
        mask |= borders.contains("l") ? Rectangle.LEFT : 0;
        mask |= borders.contains("r") ? Rectangle.RIGHT : 0;
        cell.setBorder(mask);
        cell.setBorderWidth(number(o, "border_width", 0.5f));
        Color rule = colour(o.get("border_color"));
        cell.setBorderColor(rule == null ? Color.GRAY : rule);
        if (o.containsKey("bottom_width")) {
            cell.setBorderWidthBottom(number(o, "bottom_width", 0.5f));
            cell.setBorderColorBottom(colour(o.get("bottom_color")));
        }
        if (o.containsKey("dot")) {
            float diameter = number(o, "dot_size", 7);
            cell.setCellEvent(new Dot(colour(o.get("dot")), diameter));
            cell.setMinimumHeight(diameter + 2 * number(o, "padding", 3));
        }
        if (o.containsKey("min_height")) {
            cell.setMinimumHeight(number(o, "min_height", 0));
        }
        table.addCell(cell);
    }

    private void run(String commands) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new FileInputStream(commands),
                StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            Map<String, String> o = options(fields);
            if ("DOCUMENT".equals(fields[0])) {
                start(o);
            } else if ("PARAGRAPH".equals(fields[0])) {
                paragraph(o);
            } else if ("TABLE".equals(fields[0])) {
                table(o);
            } else if ("CELL".equals(fields[0])) {
                cell(o);
            } else if ("END_TABLE".equals(fields[0])) {
                document.add(table);
                table = null;
            } else {
                throw new IllegalArgumentException("unknown command " + fields[0]);
            }
        }
        reader.close();
        document.close();
    }

    public static void main(String[] args) throws Exception {
        new ItextReport().run(args[0]);
    }
}
