using Chatbot.Chat.TestSupport;
using Chatbot.TestSupport;

namespace Chatbot.Search.Benchmarks;

/// <summary>Chat in process with its shipped settings (header-based test authentication instead of identity's tokens).</summary>
internal sealed class SearchChatFactory(string chatDb, string redis, string rabbitMq)
    : ChatFactoryBase(chatDb, redis, rabbitMq, settings: null)
{
    public HttpClient CreateClient(Guid user, Guid tenant) => TestAuthHandler.Apply(CreateClient(), user, tenant);
}
