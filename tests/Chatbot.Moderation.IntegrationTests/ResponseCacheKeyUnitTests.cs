using Chatbot.Contracts.Inference;
using Chatbot.Moderation.Flow;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>The cache key is exact: any parameter, prompt, model or tenant change gives another key; only line endings
/// and outer white space are normalised.</summary>
public sealed class ResponseCacheKeyUnitTests
{
    private static readonly GenerateReply Turn = Turns.For("What is a message queue?").Request;

    public static TheoryData<string, GenerateReply> Changes() => new()
    {
        { "temperature", Turn with { Sampling = new SamplingSettings(Temperature: 0.2) } },
        { "top_p", Turn with { Sampling = new SamplingSettings(TopP: 0.5) } },
        { "stop", Turn with { Sampling = new SamplingSettings(Stop: ["\n"]) } },
        { "max tokens", Turn with { MaxOutputTokens = 255 } },
        { "model", Turn with { Provider = "secondary" } },
        { "prompt version", Turn with { PromptVersion = 2 } },
        { "prompt ref", Turn with { PromptRef = "tenant:v1" } },
        { "tenant", Turn with { TenantId = Guid.NewGuid() } },
        { "message", Turn with { Messages = [Turn.Messages[0], new ChatTurn("user", "What is a message queue")] } },
        { "role", Turn with { Messages = [Turn.Messages[0], new ChatTurn("assistant", "What is a message queue?")] } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_of_any_part_gives_another_key(string part, GenerateReply changed) =>
        Assert.True(ResponseCacheKey.For(Turn) != ResponseCacheKey.For(changed), part);

    [Fact]
    public void Line_endings_and_outer_white_space_do_not_change_the_key_and_the_user_does_not_either()
    {
        var same = Turn with
        {
            UserId = Guid.NewGuid(), ReplyId = Guid.NewGuid(),
            Messages = [Turn.Messages[0] with { Content = Turn.Messages[0].Content + "\r\n" }, new ChatTurn("user", "  What is a message queue?\n")],
        };

        Assert.Equal(ResponseCacheKey.For(Turn), ResponseCacheKey.For(same));
    }
}
