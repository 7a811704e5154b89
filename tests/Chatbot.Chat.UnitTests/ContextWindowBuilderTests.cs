using Chatbot.Chat.Turns;
using Chatbot.Contracts.Inference;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;

namespace Chatbot.Chat.UnitTests;

public sealed class ContextWindowBuilderTests
{
    private static readonly Tokenizer Tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    private static ContextWindowBuilder Builder(int budget) =>
        new(Tokenizer, Options.Create(new ChatOptions { ContextTokenBudget = budget }));

    /// <summary>A history message without a stored count (as rows written before the count existed).</summary>
    private static HistoryTurn Turn(string role, string content) => new(role, content, null);

    /// <summary>The window of a system prompt and a new message without stored counts.</summary>
    private static IReadOnlyList<ChatTurn> Window(ContextWindowBuilder builder, string system, IEnumerable<HistoryTurn> history,
        string content) =>
        builder.Build(new SystemPrompt(system, null), history, content, builder.CountContentTokens(content)).Turns;

    [Fact]
    public void Everything_fits_in_a_large_budget_in_chronological_order()
    {
        var history = new[] { Turn("assistant", "second"), Turn("user", "first") }; // newest first
        var turns = Window(Builder(10_000), "system prompt", history, "third");
        Assert.Equal(["system prompt", "first", "second", "third"], turns.Select(t => t.Content));
        Assert.Equal(["system", "user", "assistant", "user"], turns.Select(t => t.Role));
    }

    [Fact]
    public void The_oldest_history_is_dropped_first_when_the_budget_is_tight()
    {
        var builder = Builder(1000);
        var longTurn = string.Join(' ', Enumerable.Repeat("word", 300)); // ~300 tokens each
        var history = Enumerable.Range(0, 10).Select(i => Turn(i % 2 == 0 ? "assistant" : "user", $"{i} {longTurn}")).ToList();

        var turns = Window(builder, "system", history, "question");

        var kept = turns.Skip(1).SkipLast(1).ToList();
        Assert.InRange(kept.Count, 1, 3);
        Assert.Equal(history.Take(kept.Count).Reverse().Select(t => t.Content), kept.Select(t => t.Content));
        Assert.True(turns.Sum(t => builder.CountTokens(t.Content)) <= 1000);
        Assert.Equal("system", turns[0].Content);
        Assert.Equal("question", turns[^1].Content);
    }

    [Fact]
    public void The_counted_window_reports_the_prompt_tokens_the_quota_reserves()
    {
        var builder = Builder(10_000);
        var history = new[] { Turn("assistant", "an earlier answer"), Turn("user", "an earlier question") };

        var (turns, promptTokens) = builder.Build(new SystemPrompt("system prompt", null), history, "the new question", builder.CountContentTokens("the new question"));

        Assert.Equal(turns.Sum(t => builder.CountTokens(t.Content)), promptTokens);
        Assert.Equal(["system prompt", "an earlier question", "an earlier answer", "the new question"], turns.Select(t => t.Content));
    }

    [Fact]
    public void History_is_costed_by_the_stored_counts_not_by_tokenizing_it_again()
    {
        var builder = Builder(1000);
        // Short texts whose stored counts say otherwise: only a builder that reads the counts drops the older one.
        var history = new[] { new HistoryTurn("assistant", "newer", 600), new HistoryTurn("user", "older", 600) };

        var (turns, promptTokens) = builder.Build(new SystemPrompt("system", null), history, "question", builder.CountContentTokens("question"));

        Assert.Equal(["system", "newer", "question"], turns.Select(t => t.Content));
        Assert.Equal(builder.CountTokens("system") + 600 + 4 + builder.CountTokens("question"), promptTokens);
    }

    [Fact]
    public void The_new_message_is_costed_by_the_count_the_sender_passes()
    {
        var builder = Builder(1000);
        var history = new[] { Turn("assistant", "an earlier answer") };

        var (turns, promptTokens) = builder.Build(new SystemPrompt("system", null), history, "question", userContentTokens: 990);

        Assert.Equal(["system", "question"], turns.Select(t => t.Content));
        Assert.Equal(builder.CountTokens("system") + 990 + 4, promptTokens);
    }

    [Fact]
    public void The_system_prompt_is_costed_by_its_stored_count()
    {
        var builder = Builder(1000);
        var history = new[] { Turn("assistant", "an earlier answer") };

        var (turns, promptTokens) = builder.Build(new SystemPrompt("system", 990), history, "hi", builder.CountContentTokens("hi"));

        Assert.Equal(["system", "hi"], turns.Select(t => t.Content));
        Assert.Equal(990 + 4 + builder.CountTokens("hi"), promptTokens);
    }
}
