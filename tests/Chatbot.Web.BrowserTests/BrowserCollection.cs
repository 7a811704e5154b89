namespace Chatbot.Web.BrowserTests;

/// <summary>Every browser test shares one running system and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSystemFixture>
{
    public const string Name = "browser";
}
