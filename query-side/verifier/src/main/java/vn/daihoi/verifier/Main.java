package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code java -jar verifier.jar bundle.zip [--trust keys.json]}: prints the report; exits 0 when everything
 * verifies, 1 when anything fails, 2 when the input cannot be used.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--trust"))) {
            out.println("Cách dùng: java -jar verifier.jar gói.zip [--trust khóa-công-khai.json]");
            out.println("Usage: java -jar verifier.jar bundle.zip [--trust public-keys.json]");
            return 2;
        }
        try {
            Set<String> trusted = args.length == 3 ? trusted(Path.of(args[2])) : Set.of();
            Report report = new Verifier(trusted).verify(read(Path.of(args[0])));
            report.print(out);
            return report.passed() ? 0 : 1;
        } catch (Unusable e) {
            out.println(e.getMessage());
            return 2;
        }
    }

    private static byte[] read(Path path) throws Unusable {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new Unusable("Không đọc được tệp " + path + ".", "Cannot read " + path + ".");
        }
    }

    /** Public keys the auditor obtained from the federation himself, in the format of keys.json. */
    private static Set<String> trusted(Path path) throws Unusable {
        try {
            Set<String> keys = new HashSet<>();
            for (JsonNode k : new ObjectMapper().readTree(path.toFile())) keys.add(k.path("publicKey").asText());
            if (keys.isEmpty()) throw new IOException("no keys");
            return keys;
        } catch (IOException | RuntimeException e) {
            throw new Unusable("Không đọc được tệp khóa tin cậy " + path + ".", "Cannot read the trusted keys " + path + ".");
        }
    }
}
