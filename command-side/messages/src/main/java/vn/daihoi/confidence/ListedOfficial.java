package vn.daihoi.confidence;

import vn.daihoi.common.Text;

/** An official put to a confidence vote: a person of the registry and the office he holds, as the list names it. */
public record ListedOfficial(String candidateId, String personId, String office) {
    public ListedOfficial {
        office = Text.clean(office);
    }
}
