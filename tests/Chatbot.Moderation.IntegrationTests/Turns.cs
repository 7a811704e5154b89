using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>Builds the ModerateInput chat would publish for one user message.</summary>
public static class Turns
{
    public const string SystemPrompt = "You are the helpful assistant of Contoso. Be concise and friendly.";

    public static ModerateInput For(string userMessage, Guid? tenant = null, params ChatTurn[] history)
    {
        var replyId = Guid.CreateVersion7();
        var request = new GenerateReply(replyId, DateTimeOffset.UtcNow, replyId, tenant ?? Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), Guid.CreateVersion7(), "pro", 1,
            [new ChatTurn("system", SystemPrompt), .. history, new ChatTurn("user", userMessage)], 256);
        return new ModerateInput(replyId, DateTimeOffset.UtcNow, request);
    }
}
