package io.prompd.client.cli;

import io.prompd.client.install.InstallReport;
import io.prompd.client.install.InstalledPackage;
import io.prompd.core.json.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Shows what {@code install}, {@code update} and {@code uninstall} did: the result on stdout, warnings on stderr. */
final class InstallReportView {

    private InstallReportView() {
    }

    static void print(InstallReport report, boolean json, PrintWriter out, PrintWriter err) {
        report.warnings().forEach(warning -> err.println("warning: " + warning));
        out.print(json ? Json.writeString(asJson(report)) + "\n" : asText(report));
    }

    private static String asText(InstallReport report) {
        StringBuilder text = new StringBuilder();
        report.saved().forEach((name, range) -> text.append("saved ").append(name).append(' ').append(range)
                .append(" in prompd.json\n"));
        report.removed().forEach(name -> text.append("removed ").append(name).append(" from prompd.json\n"));
        long downloaded = report.count(InstalledPackage.Origin.DOWNLOADED);
        long cached = report.count(InstalledPackage.Origin.CACHE);
        long present = report.count(InstalledPackage.Origin.ALREADY_INSTALLED);
        int total = report.packages().size();
        text.append(total).append(total == 1 ? " package: " : " packages: ").append(downloaded).append(" downloaded, ")
                .append(cached).append(" from the cache, ").append(present).append(" already installed\n");
        for (InstalledPackage installed : report.packages()) {
            if (installed.origin() != InstalledPackage.Origin.ALREADY_INSTALLED) {
                text.append("  + ").append(installed.name()).append('@').append(installed.version()).append('\n');
            }
        }
        text.append(report.lockChanged() ? "prompd.lock written\n" : "prompd.lock unchanged\n");
        return text.toString();
    }

    private static Map<String, Object> asJson(InstallReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> packages = report.packages().stream().map(installed -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", installed.name());
            entry.put("version", installed.version());
            entry.put("folder", installed.folder().toString());
            entry.put("origin", installed.origin().name().toLowerCase(Locale.ROOT));
            return entry;
        }).toList();
        json.put("packages", packages);
        Map<String, String> saved = new TreeMap<>();
        report.saved().forEach((name, range) -> saved.put(name.toString(), range.text()));
        json.put("saved", saved);
        json.put("removed", report.removed());
        json.put("lockChanged", report.lockChanged());
        json.put("resolved", report.resolved());
        json.put("warnings", report.warnings());
        return json;
    }
}
