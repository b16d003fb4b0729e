package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The files of a bundle, read whole into memory, and its manifest. */
final class Bundle {
    static final List<String> REQUIRED = List.of("manifest.json", "events.jsonl", "checkpoints.json", "keys.json", "ballots.json", "results.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, byte[]> files = new LinkedHashMap<>();
    final JsonNode manifest;

    Bundle(byte[] zip) throws Unusable {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                if (files.put(e.getName(), in.readAllBytes()) != null) {
                    throw new Unusable("Gói có hai tệp cùng tên " + e.getName() + ".", "The bundle holds two files named " + e.getName() + ".");
                }
            }
        } catch (IOException e) {
            throw new Unusable("Tệp không phải một gói zip đọc được.", "The file is not a readable zip bundle.");
        }
        if (files.isEmpty()) throw new Unusable("Tệp không phải một gói zip đọc được.", "The file is not a readable zip bundle.");
        for (String name : REQUIRED) {
            if (!files.containsKey(name)) throw new Unusable("Gói thiếu tệp " + name + ".", "The bundle lacks " + name + ".");
        }
        try {
            manifest = JSON.readTree(files.get("manifest.json"));
        } catch (IOException e) {
            throw new Unusable("Tệp manifest.json không phải JSON.", "manifest.json is not JSON.");
        }
        if (manifest == null || !"daihoi-bundle/1".equals(manifest.path("format").asText())) {
            throw new Unusable("Định dạng gói không phải daihoi-bundle/1.", "The bundle's format is not daihoi-bundle/1.");
        }
    }
}
