namespace Chatbot.Identity.UnitTests;

public sealed class DefaultIssuerTests
{
    [Theory]
    [InlineData(null, "http://localhost:5081")]
    [InlineData("http://+:5081", "http://localhost:5081")]
    [InlineData("http://0.0.0.0:7000;https://0.0.0.0:7001", "http://localhost:7000")]
    [InlineData("http://localhost:40123/", "http://localhost:40123")]
    public void The_default_issuer_is_the_services_own_first_url(string? urls, string expected) =>
        Assert.Equal(expected, Microsoft.Extensions.Hosting.IdentityOptionsExtensions.DefaultIssuer(urls));
}
