using Chatbot.Moderation.Detectors.Pii;

namespace Chatbot.Moderation.UnitTests;

/// <summary>Phones of many countries, cards in any grouping, IBANs of every registered country, and their look-alikes.</summary>
public sealed class PiiKindsTests
{
    [Theory]
    [InlineData("Call me on +44 20 7946 0958 after lunch.")]
    [InlineData("My mobile is +1 (415) 555-0132.")]
    [InlineData("International: 0044 161 496 0000")]
    [InlineData("+7 912 345-67-89 is my Telegram")]
    [InlineData("+81 3-1234-5678 is the Tokyo desk.")]
    [InlineData("He left (99) 645-791 on the form.")]
    [InlineData("Mi móvil es 699 956 915.")]
    [InlineData("my number is 07700 063 966")]
    [InlineData("Appelez-moi au 06 12 34 56 78.")]
    [InlineData("Erreichbar unter 089 1234567")]
    [InlineData("WhatsApp: (11) 91234-5678")]
    [InlineData("携帯: 090-1234-5678")]
    [InlineData("Bel me op 06-12345678")]
    [InlineData("Call 07700900123 if lost")]
    public void Phone_numbers_in_national_and_international_formats_are_found(string text) =>
        Assert.Contains(PiiDetector.Detect(text), f => f.Kind == PiiKinds.Phone);

    [Theory]
    [InlineData("Order #1002394857 was delivered.")]
    [InlineData("Invoice no. 2024-000123 is overdue.")]
    [InlineData("The total is $1,249.99 including tax.")]
    [InlineData("Release 2.14.3 fixed it; build 20240506.3 failed.")]
    [InlineData("The date 06.05.2024 is a Monday, 12/31/2023 was not.")]
    [InlineData("Unix time 1700000000 is in November 2023.")]
    [InlineData("Invoice total 12 345 678 euros")]
    [InlineData("We sold 4 000 000 units in 2023.")]
    [InlineData("ISBN 978-3-16-148410-0 is the book.")]
    [InlineData("Batch 2024.11.03-07")]
    public void Prices_dates_order_ids_and_versions_are_not_phone_numbers(string text) =>
        Assert.Empty(PiiDetector.Detect(text));

    [Fact]
    public void A_tenants_regions_decide_which_national_formats_are_phone_numbers()
    {
        const string text = "Karibu, 0712 345 678 is the shop.";
        Assert.DoesNotContain(PiiDetector.Detect(text, ["US"]), f => f.Kind == PiiKinds.Phone);
        Assert.Contains(PiiDetector.Detect(text, ["KE"]), f => f.Kind == PiiKinds.Phone);
        Assert.Contains(PiiDetector.Detect("Call the shop on 0712 345 678.", ["US"]), f => f.Kind == PiiKinds.Phone);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111.1111.1111.1111")]
    [InlineData("4111111111111111")]
    [InlineData("3782 822463 10005")]
    [InlineData("6759 6498 2648")]
    [InlineData("6250 9410 0652 8599 875")]
    public void Cards_of_12_to_19_digits_in_any_common_grouping_are_found(string card)
    {
        var text = $"Charge {card} (CVV 123) please.";
        var finding = Assert.Single(PiiDetector.Detect(text));
        Assert.Equal(PiiKinds.Card, finding.Kind);
        Assert.Equal(card, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("Order 4111 1111 1111 1112 has shipped.")]
    [InlineData("Reference 1234 5678 9012 3456 on the parcel.")]
    [InlineData("The population grew to 1.234.567.890.123.")]
    public void Digit_groups_that_fail_luhn_or_count_up_are_not_cards(string text) => Assert.Empty(PiiDetector.Detect(text));

    public static TheoryData<string> Countries() => [.. IbanRegistry.Lengths.Keys];

    [Theory]
    [MemberData(nameof(Countries))]
    public void An_iban_of_every_registered_country_is_found_spaced_and_unspaced_and_a_wrong_check_is_not(string country)
    {
        var iban = MakeIban(country, IbanRegistry.Lengths[country]);
        var spaced = string.Join(' ', iban.Chunk(4).Select(c => new string(c)));
        foreach (var form in new[] { iban, spaced })
        {
            var text = $"Pay into {form} by Friday.";
            var finding = Assert.Single(PiiDetector.Detect(text));
            Assert.Equal((PiiKinds.Iban, form), (finding.Kind, text.Substring(finding.Start, finding.Length)));
        }
        var wrong = iban[..^1] + (char)('0' + (iban[^1] - '0' + 1) % 10);
        Assert.DoesNotContain(PiiDetector.Detect($"Pay into {wrong} by Friday."), f => f.Kind == PiiKinds.Iban);
    }

    private static string MakeIban(string country, int length)
    {
        var bban = string.Concat(Enumerable.Range(0, length - 4).Select(i => (char)('0' + (i * 7 + country[0]) % 10)));
        var number = string.Concat((bban + country + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
        var remainder = number.Aggregate(0, (r, c) => (r * 10 + (c - '0')) % 97);
        return $"{country}{98 - remainder:00}{bban}";
    }
}
