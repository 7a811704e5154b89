using Chatbot.Moderation.Detectors.Pii;

namespace Chatbot.Moderation.UnitTests;

public sealed class PiiDetectorTests
{
    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("378282246310005", true)]
    public void Luhn_accepts_real_card_numbers_only(string digits, bool valid) => Assert.Equal(valid, Checksums.Luhn(digits));

    [Theory]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("GB82WEST12345698765433", false)]
    [InlineData("DE8937040044053201300", false)]
    public void Iban_checksum_and_length_are_verified(string iban, bool valid) => Assert.Equal(valid, Checksums.Iban(iban));

    [Fact]
    public void Findings_locate_each_value_without_overlap()
    {
        const string text = "Mail bob@example.com, card 4111 1111 1111 1111, key sk-proj-" + "Xq7Lm2Pz9Rk4Tw8Ny3Vb6Hc1Jd5F";
        var findings = PiiDetector.Detect(text);
        Assert.Equal([PiiKinds.Email, PiiKinds.Card, PiiKinds.ApiKey], findings.Select(f => f.Kind));
        Assert.Equal("bob@example.com", text.Substring(findings[0].Start, findings[0].Length));
    }

    [Fact]
    public void Look_alikes_are_not_reported()
    {
        Assert.Empty(PiiDetector.Detect("Order 4111 1111 1111 1112, version 10.0.401, SSN 000-12-3456, 2024-05-06"));
    }
}
