using Microsoft.ML.Tokenizers;

namespace Chatbot.InferenceWorker.Usage;

/// <summary>o200k_base (GPT-4o family) counts with <c>Microsoft.ML.Tokenizers</c>; framing as OpenAI documents it (3 per message + 3).</summary>
public sealed class O200kTokenCounter : ITokenCounter
{
    private const int TokensPerMessage = 3;
    private const int TokensPerReplyPrimer = 3;
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    public int CountText(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.CountTokens(text);

    public int CountMessages(IEnumerable<string> contents) =>
        contents.Sum(c => CountText(c) + TokensPerMessage) + TokensPerReplyPrimer;
}
