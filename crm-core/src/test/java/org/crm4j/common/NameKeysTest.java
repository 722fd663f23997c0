package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeysTest {

    @Test
    void normalize_dropsDiacriticsCaseAndTheLegalForm() {
        assertThat(NameKeys.normalize("Müller GmbH")).isEqualTo("muller");
        assertThat(NameKeys.normalize("MULLER AG")).isEqualTo("muller");
        assertThat(NameKeys.normalize("  Muller,  S.A. ")).isEqualTo("muller");
    }

    @Test
    void normalize_removesLegalFormsWrittenWithDotsSlashesOrNone() {
        assertThat(NameKeys.normalize("Łódź Trading Sp. z o.o.")).isEqualTo("lodz trading");
        assertThat(NameKeys.normalize("Nordisk A/S")).isEqualTo("nordisk");
        assertThat(NameKeys.normalize("Nordisk AS")).isEqualTo("nordisk");
        assertThat(NameKeys.normalize("Praha Systems s.r.o.")).isEqualTo("praha systems");
        assertThat(NameKeys.normalize("Pasta S.p.A.")).isEqualTo("pasta");
        assertThat(NameKeys.normalize("Vino S.r.l.")).isEqualTo("vino");
        assertThat(NameKeys.normalize("Initech, Inc.")).isEqualTo("initech");
        assertThat(NameKeys.normalize("Initech LLC")).isEqualTo("initech");
        assertThat(NameKeys.normalize("Acme Limited")).isEqualTo("acme");
        assertThat(NameKeys.normalize("Van Dijk B.V.")).isEqualTo("van dijk");
        assertThat(NameKeys.normalize("Société Générale SAS")).isEqualTo("societe generale");
        assertThat(NameKeys.normalize("Nokia Oyj")).isEqualTo("nokia");
        assertThat(NameKeys.normalize("Volvo AB")).isEqualTo("volvo");
    }

    @Test
    void normalize_removesStackedFormsAtTheEndOnly() {
        assertThat(NameKeys.normalize("Schmidt GmbH & Co. KG")).isEqualTo("schmidt");
        assertThat(NameKeys.normalize("AG Bau GmbH")).isEqualTo("ag bau");
    }

    @Test
    void normalize_keepsTheLastWord_evenWhenItIsALegalForm() {
        assertThat(NameKeys.normalize("AG")).isEqualTo("ag");
        assertThat(NameKeys.normalize("Co. KG")).isEqualTo("co");
    }

    @Test
    void normalize_foldsLettersWithoutADecomposition() {
        assertThat(NameKeys.normalize("Großmann Øresund Æble")).isEqualTo("grossmann oresund aeble");
    }

    @Test
    void normalize_doesNotEquateTransliterations() {
        assertThat(NameKeys.normalize("Mueller GmbH")).isEqualTo("mueller").isNotEqualTo(NameKeys.normalize("Müller"));
    }

    @Test
    void normalize_givesNullForNullOrANameWithoutLettersOrDigits() {
        assertThat(NameKeys.normalize(null)).isNull();
        assertThat(NameKeys.normalize(" -- ")).isNull();
    }

    @Test
    void normalize_cutsVeryLongNames() {
        assertThat(NameKeys.normalize("x".repeat(300))).hasSize(NameKeys.MAX_LENGTH);
    }
}
