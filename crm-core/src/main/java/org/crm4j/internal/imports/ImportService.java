package org.crm4j.internal.imports;

import org.crm4j.access.Actor;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportRow;
import org.crm4j.imports.Imports;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;

/** {@link Imports} for one actor. */
public final class ImportService implements Imports {
    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who imports
     */
    public ImportService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    @Override
    public ImportReport customers(Iterable<ImportRow> rows, ImportOptions options) {
        Assert.notNull(rows, "rows");
        Assert.notNull(options, "options");
        return new CustomerImport(rt, actor, options).run(rows.iterator());
    }
}
