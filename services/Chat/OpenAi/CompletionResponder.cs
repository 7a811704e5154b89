using System.Diagnostics;
using System.Text;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// Answers a started turn. Streamed: nothing is sent before the first event, so a refusal or an outage before any text
/// is still a plain error (400 <c>content_filter</c>, 503); after that, chunks as the worker's entries arrive, and a
/// refusal ends the stream with <c>finish_reason: "content_filter"</c>. Not streamed: one <c>chat.completion</c>.
/// A caller that goes away ends the read; <see cref="CompletionTurn"/> then cancels the generation.
/// </summary>
public static class CompletionResponder
{
    public static async Task<IResult> StreamAsync(CompletionTurn turn, CompletionAnswer answer, ChatCompletionChunkWriter writer,
        CancellationToken ct)
    {
        var calledTools = false;
        try
        {
            await foreach (var next in turn.ReadAsync(ct))
            {
                switch (next.Kind)
                {
                    case CompletionEventKind.Token:
                        var first = !writer.Started;
                        StartOnce(writer);
                        writer.AppendContent(next.Text);
                        await writer.FlushAsync(ct);
                        if (first)
                        {
                            // The last hop of a trace's time to first token (as /api's stream marks it).
                            Activity.Current?.AddEvent(new ActivityEvent(ReplyTraceEvents.FirstTokenSent));
                        }
                        break;
                    case CompletionEventKind.Reset when writer.Started:
                        // The provider chain restarted the reply: text already sent cannot be taken back.
                        writer.AppendError(new OpenAiError("The model provider failed mid-reply; retry the request.", "server_error",
                            null, "service_unavailable"));
                        await writer.FlushAsync(ct);
                        return Results.Empty;
                    case CompletionEventKind.ToolCall:
                        StartOnce(writer);
                        writer.AppendToolCall(next.ToolCallIndex, next.ToolCall!);
                        await writer.FlushAsync(ct);
                        calledTools = true;
                        break;
                    case CompletionEventKind.Done:
                        StartOnce(writer);
                        writer.AppendFinish(answer.FinishReason(next, calledTools));
                        writer.AppendUsage(next.Usage!);
                        writer.AppendDone();
                        await writer.FlushAsync(ct);
                        return Results.Empty;
                    case CompletionEventKind.Error when !writer.Started:
                        return ErrorResult(next);
                    case CompletionEventKind.Error when next.ErrorCode == ModerationProtocol.BlockedCode:
                        writer.AppendFinish("content_filter");
                        writer.AppendDone();
                        await writer.FlushAsync(ct);
                        return Results.Empty;
                    case CompletionEventKind.Error:
                        writer.AppendError(new OpenAiError(next.Text, "server_error", null, "service_unavailable"));
                        await writer.FlushAsync(ct);
                        return Results.Empty;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller closed the connection.
        }
        finally
        {
            await Task.Yield(); // complete the request off the stream hub's delivering thread
        }
        return Results.Empty;
    }

    public static async Task<IResult> CollectAsync(CompletionTurn turn, CompletionAnswer answer, CancellationToken ct)
    {
        var text = new StringBuilder();
        var calls = new List<ChatCompletionToolCall>();
        try
        {
            await foreach (var next in turn.ReadAsync(ct))
            {
                switch (next.Kind)
                {
                    case CompletionEventKind.Token:
                        text.Append(next.Text);
                        break;
                    case CompletionEventKind.Reset:
                        text.Clear();
                        calls.Clear();
                        break;
                    case CompletionEventKind.ToolCall:
                        calls.Add(new ChatCompletionToolCall(next.ToolCall!.Id, new ChatCompletionFunctionCall(next.ToolCall.Name, next.ToolCall.Arguments)));
                        break;
                    case CompletionEventKind.Done:
                        var message = calls.Count == 0 ? new ChatCompletionMessage(text.ToString())
                            : new ChatCompletionMessage(text.Length == 0 ? null : text.ToString(), calls);
                        return TypedResults.Json(new ChatCompletion(answer.Id, answer.Created, answer.Model,
                            [new ChatCompletionChoice(0, message, answer.FinishReason(next, calls.Count > 0))],
                            next.Usage!), OpenAiJson.Options);
                    case CompletionEventKind.Error:
                        return ErrorResult(next);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller closed the connection.
        }
        finally
        {
            await Task.Yield();
        }
        return Results.Empty;
    }

    private static void StartOnce(ChatCompletionChunkWriter writer)
    {
        if (!writer.Started)
        {
            writer.Start();
        }
    }

    private static IResult ErrorResult(CompletionEvent error) => error.ErrorCode == ModerationProtocol.BlockedCode
        ? OpenAiErrors.ContentFilter(error.Text)
        : OpenAiErrors.ProviderUnavailable(error.Text.Length > 0 ? error.Text : "The model provider is unavailable; retry later.");
}
