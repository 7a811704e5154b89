using MassTransit;

namespace Chatbot.Chat.Conversations.Search;

/// <summary>
/// The queue of the built-in tool's searches (<c>chat-search-conversations</c>): at most <see cref="ConcurrentSearches"/>
/// at once per chat instance, so tool calls cannot take every database connection; a request the worker stopped waiting
/// for expires in the queue (MassTransit sets its time to live to the request's timeout).
/// </summary>
public sealed class SearchConversationsConsumerDefinition : ConsumerDefinition<SearchConversationsConsumer>
{
    public const int ConcurrentSearches = 8;

    public SearchConversationsConsumerDefinition()
    {
        EndpointName = "chat-search-conversations";
        ConcurrentMessageLimit = ConcurrentSearches;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<SearchConversationsConsumer> consumer, IRegistrationContext context) =>
        endpoint.PrefetchCount = ConcurrentSearches;
}
