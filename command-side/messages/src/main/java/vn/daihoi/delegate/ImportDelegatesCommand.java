package vn.daihoi.delegate;

import vn.daihoi.person.PersonalData;

import java.util.List;

/**
 * Import a roll in one go: every accepted row or none is recorded. A row names an existing person
 * ({@code personId}) or brings a new one ({@code newPerson}, registered under {@code personId}).
 */
public record ImportDelegatesCommand(@org.axonframework.modelling.command.TargetAggregateIdentifier String congressId, List<Row> rows) {
    public ImportDelegatesCommand {
        rows = List.copyOf(rows);
    }

    public record Row(int line, String delegateId, String personId, PersonalData newPerson, String code,
                      DelegateCategory category, DelegateBasis basis, String position) {
        @Override
        public String toString() {
            return "Row[" + line + "]";
        }
    }

    /** What became of the rows: added, or skipped because their code is already on the roll. */
    public record Result(List<Integer> addedLines, List<Integer> alreadyOnRollLines) {}
}
