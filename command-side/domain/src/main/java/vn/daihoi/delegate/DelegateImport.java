package vn.daihoi.delegate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressAggregate;
import vn.daihoi.person.PersonAggregate;
import vn.daihoi.person.PersonDirectory;
import vn.daihoi.person.PersonalDataVault;

import java.util.ArrayList;
import java.util.List;

/**
 * a roll imported in one transaction. Rows already on the roll (same code) are skipped, so importing the
 * same file twice adds nothing; any other refusal rolls the whole import back, so no row is half-imported.
 * The caller has already set aside the rows it could not read.
 */
public class DelegateImport {

    private final Repository<CongressAggregate> congresses;
    private final Repository<PersonAggregate> persons;
    private final PersonalDataVault vault;
    private final PersonDirectory directory;

    public DelegateImport(Repository<CongressAggregate> congresses, Repository<PersonAggregate> persons,
                          PersonalDataVault vault, PersonDirectory directory) {
        this.congresses = congresses;
        this.persons = persons;
        this.vault = vault;
        this.directory = directory;
    }

    @CommandHandler
    public ImportDelegatesCommand.Result handle(ImportDelegatesCommand cmd) throws Exception {
        Aggregate<CongressAggregate> congress = congresses.load(cmd.congressId());
        List<Integer> added = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (ImportDelegatesCommand.Row row : cmd.rows()) {
            if (congress.invoke(c -> c.hasCode(row.code()))) {
                skipped.add(row.line());
                continue;
            }
            if (row.newPerson() != null) {
                persons.newInstance(() -> new PersonAggregate(row.personId(), row.newPerson(), vault));
            } else if (!directory.exists(row.personId())) {
                throw RuleViolation.invalid("unknown-person", "R-11", "rows[" + row.line() + "].personId", row.line()).variant("import-row");
            }
            congress.execute(c -> c.summon(row.delegateId(), row.personId(), row.code(), row.category(), row.basis(), row.position()));
            added.add(row.line());
        }
        return new ImportDelegatesCommand.Result(added, skipped);
    }
}
