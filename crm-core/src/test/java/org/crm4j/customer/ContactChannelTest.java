package org.crm4j.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Address;
import org.crm4j.common.EmailAddress;
import org.crm4j.common.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactChannelTest {

    @Test
    void emailIsNormalised() {
        ContactChannel channel = ContactChannel.email(" Eva.Novak@ACME.Example ");

        assertThat(channel.type()).isEqualTo(ChannelType.EMAIL);
        assertThat(channel.value()).isEqualTo("Eva.Novak@acme.example");
        assertThat(channel.address()).isNull();
    }

    @Test
    void emailKeepsItsLabel() {
        ContactChannel channel = ContactChannel.email(EmailAddress.of("eva@acme.example"), " work ");

        assertThat(channel.label()).isEqualTo("work");
    }

    @Test
    void rejectsMalformedEmail() {
        assertThatThrownBy(() -> ContactChannel.email("eva at acme")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new ContactChannel(ChannelType.EMAIL, "eva at acme", null, null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void phoneIsNormalisedToE164() {
        ContactChannel channel = ContactChannel.phone("+49 (30) 123-456");

        assertThat(channel.type()).isEqualTo(ChannelType.PHONE);
        assertThat(channel.value()).isEqualTo("+4930123456");
    }

    @Test
    void phoneChannelBuiltDirectlyMustAlreadyBeE164() {
        assertThat(ContactChannel.phone(PhoneNumber.parse("030 123456", "49"), "mobile").value())
                .isEqualTo("+4930123456");
        assertThatThrownBy(() -> new ContactChannel(ChannelType.PHONE, "030 123456", null, null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void messengerIsServiceColonHandleWithServiceInLowerCase() {
        assertThat(ContactChannel.messenger("Signal", "+4930123456").value()).isEqualTo("signal:+4930123456");
        assertThat(ContactChannel.messenger("teams", "Eva.Novak@acme.example").value())
                .isEqualTo("teams:Eva.Novak@acme.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-colon", ":handle", "signal:", "signal:two words", "sig nal:handle"})
    void rejectsMalformedMessengerHandle(String value) {
        assertThatThrownBy(() -> new ContactChannel(ChannelType.MESSENGER, value, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("channel.value", "Format")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example", "http://acme.example/contact?x=1", "HTTPS://acme.example"})
    void webAcceptsHttpAndHttps(String url) {
        assertThat(ContactChannel.web(url).value()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.example", "ftp://acme.example", "mailto:eva@acme.example", "https://",
        "javascript:alert(1)", "https://acme example", ""})
    void webRequiresAnHttpOrHttpsAddressWithAHost(String url) {
        assertThatThrownBy(() -> ContactChannel.web(url))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("channel.value", "Format")));
    }

    @Test
    void webRejectsMissingUrl() {
        assertThatThrownBy(() -> ContactChannel.web(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void postalNeedsAnAddress() {
        assertThatThrownBy(() -> ContactChannel.postal(null, "office"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("channel.address", "NotNull")));
    }

    @Test
    void postalValueDescribesTheAddress() {
        Address address = new Address("Unter den Linden 1", "10117", "Berlin", null, "de");

        ContactChannel channel = ContactChannel.postal(address, "office");

        assertThat(channel.value()).isEqualTo("Unter den Linden 1, 10117 Berlin, DE");
        assertThat(channel.address()).isEqualTo(address);
        assertThat(ContactChannel.postal(Address.of("Berlin", "DE"), null).value()).isEqualTo("Berlin, DE");
    }

    @Test
    void onlyPostalChannelsHaveAnAddress() {
        assertThatThrownBy(() -> new ContactChannel(ChannelType.EMAIL, "eva@acme.example",
                Address.of("Berlin", "DE"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("channel.address"));
    }

    @Test
    void rejectsMissingType() {
        assertThatThrownBy(() -> new ContactChannel(null, "eva@acme.example", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("channel.type")).isTrue());
    }

    @Test
    void rejectsLabelLongerThan50Characters() {
        EmailAddress email = EmailAddress.of("eva@acme.example");

        assertThat(ContactChannel.email(email, "l".repeat(50)).label()).hasSize(50);
        assertThatThrownBy(() -> ContactChannel.email(email, "l".repeat(51)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("channel.label")).isTrue());
    }

    @Test
    void blankLabelMeansNoLabel() {
        assertThat(ContactChannel.email(EmailAddress.of("eva@acme.example"), "  ").label()).isNull();
    }
}
