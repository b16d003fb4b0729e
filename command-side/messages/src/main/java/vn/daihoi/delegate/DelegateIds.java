package vn.daihoi.delegate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** A delegate's id is derived from the congress and his roll code, so that summoning or importing again adds nothing. */
public final class DelegateIds {
    private DelegateIds() {}

    public static String of(String congressId, String code) {
        return UUID.nameUUIDFromBytes((congressId + "/" + code.strip().toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
