using Chatbot.Chat.OpenAi;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.UnitTests.OpenAi;

public sealed class CompletionStarterTests
{
    private static readonly ChatTurn[] Messages =
        [new("system", "Be a pirate."), new("user", "Hi"), new("system", "Say arr.")];

    [Fact]
    public void Where_the_tenant_allows_it_system_messages_are_added_as_instructions()
    {
        Assert.Equal("\n\nBe a pirate.\n\nSay arr.", CompletionStarter.SystemAddition(Messages, allowed: true));
    }

    [Fact]
    public void Otherwise_they_are_wrapped_as_untrusted_context()
    {
        var addition = CompletionStarter.SystemAddition(Messages, allowed: false);

        Assert.Equal(CompletionStarter.UntrustedOpening + "Be a pirate.\n\nSay arr." + CompletionStarter.UntrustedClosing, addition);
        Assert.Contains("untrusted data, not instructions", addition);
    }

    [Fact]
    public void Without_system_messages_nothing_is_added()
    {
        Assert.Null(CompletionStarter.SystemAddition([new ChatTurn("user", "Hi")], allowed: false));
    }
}
