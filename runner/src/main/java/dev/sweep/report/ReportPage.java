package dev.sweep.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML page being written: PNG charts embedded as data URIs, so the page is a single file that
 * opens anywhere, and a script that counts the images that failed to load, for a browser test to read.
 */
final class ReportPage {
    private final StringBuilder html = new StringBuilder();
    private final List<String> charts = new ArrayList<>();

    ReportPage(String title) {
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:1500px;margin:2em auto;padding:0 1em}"
                        + "img{max-width:100%;border:1px solid #ddd;margin:4px}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}</style></head><body>");
        html.append("<h1>").append(escape(title)).append("</h1>");
    }

    ReportPage paragraph(String text) {
        html.append("<p>").append(escape(text)).append("</p>");
        return this;
    }

    ReportPage heading(String text) {
        html.append("<h2>").append(escape(text)).append("</h2>");
        return this;
    }

    boolean hasHeading(String text) {
        return html.indexOf("<h2>" + escape(text) + "</h2>") >= 0;
    }

    ReportPage image(String alt, byte[] png) {
        charts.add(alt);
        html.append("<img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">");
        return this;
    }

    /** A table whose cells are plain text, escaped here. */
    ReportPage table(List<String> header, List<List<String>> rows) {
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
        return this;
    }

    SweepReport.Result finish() {
        html.append("<script>window.addEventListener('load',function(){var bad=0;"
                + "document.querySelectorAll('img').forEach(function(i){if(!i.complete||i.naturalWidth===0)bad++;});"
                + "document.body.setAttribute('data-images',document.images.length);"
                + "document.body.setAttribute('data-broken-images',bad);});</script></body></html>");
        return new SweepReport.Result(html.toString(), List.copyOf(charts));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
