package vn.daihoi.audit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;

/** GET the congress bundle (docs/bundle.md): organisers of the unit and above, auditors of a subtree holding it. */
@RestController
public class BundleController {

    private final CongressBundle bundles;
    private final Access access;
    private final ReadModelRecord names;

    public BundleController(CongressBundle bundles, Access access, ReadModelRecord names) {
        this.bundles = bundles;
        this.access = access;
        this.names = names;
    }

    // ADR 0025: a zip, which the signature (bytes) does not say.
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Gói hồ sơ đại hội · the congress bundle",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/zip"))
    @GetMapping("/api/congresses/{congressId}/bundle")
    public ResponseEntity<byte[]> bundle(@PathVariable String congressId) {
        String unitId = access.unitOfCongress(congressId);
        access.requireReaderOf(unitId);
        byte[] zip = bundles.build(congressId, unitId, names.unitName(unitId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"daihoi-bundle-" + congressId + ".zip\"")
                .body(zip);
    }
}
