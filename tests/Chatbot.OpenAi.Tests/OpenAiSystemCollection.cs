namespace Chatbot.OpenAi.Tests;

[CollectionDefinition(Name)]
public sealed class OpenAiSystemCollection : ICollectionFixture<OpenAiSystemFixture>
{
    public const string Name = "openai-system";
}
