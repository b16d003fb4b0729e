package vn.daihoi.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address people outside the server reach it by, for what is printed or projected (QR codes on slips and on the
 * hall screen): {@code DAIHOI_PUBLIC_URL} when the server sits behind a proxy or a name, otherwise the address the
 * current request came in by.
 */
@Component
public class PublicAddress {

    private final String configured;

    public PublicAddress(@Value("${daihoi.public-url:}") String configured) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
    }

    /** Call inside a request when no public address is configured. */
    public String base() {
        return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : configured;
    }
}
