using Chatbot.Identity.Accounts;

namespace Chatbot.Identity.UnitTests;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("  Alice@Example.COM ", "alice@example.com")]
    [InlineData("bob.smith+tag@mail.example.org", "bob.smith+tag@mail.example.org")]
    public void Valid_addresses_are_trimmed_and_lower_cased(string input, string expected)
    {
        Assert.True(EmailAddress.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("Alice <alice@example.com>")]
    [InlineData("two words@example.com")]
    [InlineData("trailing@example.com.")]
    public void Malformed_addresses_are_refused(string? input) => Assert.False(EmailAddress.TryNormalize(input, out _));

    [Fact]
    public void Addresses_longer_than_254_characters_are_refused() =>
        Assert.False(EmailAddress.TryNormalize(new string('a', 250) + "@ex.com", out _));
}
