using System.Security.Cryptography;
using System.Text;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Tools;
using Chatbot.InferenceWorker.Streaming;
using MassTransit;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// Every function call the model makes in one reply passes here, and only here does a tool run (Semantic Kernel's
/// auto-invocation filter; the kernel function itself never calls out). In order: the allowlist (the tenant's tools of this
/// turn), the per-reply cap, no write or critical call after a result that carried instructions, the arguments (schema,
/// secrets, foreign ids: <see cref="ToolArguments"/>), the tenant's per-minute cap, a human's approval for write and
/// critical tools, then the signed call (or the built-in tool, <see cref="BuiltinToolRunner"/>) and the screening of its
/// answer. A refusal, denial or failure is the function's error result (<see cref="ToolCallRefusedException"/>): the model
/// reads why and answers the user. Every step is audited (<see cref="ToolCallAudited"/>).
/// </summary>
public sealed class ToolCallFilter(
    GenerateReply request,
    IReadOnlyDictionary<string, ToolSpec> tools,
    ToolSession session,
    ReplyStreamWriter stream,
    IPublishEndpoint publisher,
    ToolServices services,
    ILogger logger) : IAutoFunctionInvocationFilter
{
    private readonly StringBuilder knownContext = new(string.Join('\n', request.Messages.Select(m => m.Content))
        + $"\n{request.TenantId}\n{request.UserId}\n{request.ConversationId}\n{request.ReplyId}");
    private int calls;
    private bool tainted;

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var callId = string.IsNullOrEmpty(context.ToolCallId) ? Guid.NewGuid().ToString("N") : context.ToolCallId;
        var name = context.Function.Name;
        var (text, error) = await RunAsync(name, callId, context.Arguments, context.CancellationToken);
        if (error)
        {
            throw new ToolCallRefusedException(text); // an error result in the provider's shape (Anthropic: is_error)
        }
        context.Result = new FunctionResult(context.Function, text);
    }

    /// <summary>What the model reads as the call's result, and whether it is an error (refused, denied, failed).</summary>
    private async Task<(string Text, bool Error)> RunAsync(string name, string callId, KernelArguments? raw, CancellationToken ct)
    {
        if (!tools.TryGetValue(name, out var tool))
        {
            return await RefuseAsync(name, "none", callId, "", $"{name} is not a tool this tenant allows");
        }
        var arguments = ToolArguments.ToJson(tool, raw);
        var argumentsJson = arguments.ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(argumentsJson)));
        var options = services.Options.Value;
        if (++calls > options.MaxCallsPerTurn)
        {
            return await RefuseAsync(name, tool.Risk, callId, hash, $"this reply may call tools at most {options.MaxCallsPerTurn} times");
        }
        if (tainted && tool.Risk != ToolRisk.Read)
        {
            return await RefuseAsync(name, tool.Risk, callId, hash, "an earlier tool result in this reply carried instructions, so no write or critical tool may run now");
        }
        if (ToolArguments.Problem(tool, arguments, knownContext.ToString()) is { } problem)
        {
            return await RefuseAsync(name, tool.Risk, callId, hash, problem);
        }
        if (!await services.Limiter.TryAcquireAsync(request.TenantId))
        {
            return await RefuseAsync(name, tool.Risk, callId, hash, $"the tenant's tools may be called at most {options.MaxCallsPerMinute} times a minute");
        }
        if (ToolRisk.NeedsApproval(tool.Risk) && !await ApproveAsync(tool, callId, arguments, hash, ct))
        {
            return ($"The user did not approve the call of {name}; it was not made. Tell the user it was not done.", true);
        }

        ToolEndpointResult answer;
        ScreenedResult? screened = null;
        using (session.PauseWatchdog())
        {
            // A built-in tool runs for this reply's own tenant and user; any other is the tenant's signed HTTPS endpoint.
            answer = BuiltinTools.Of(tool.Endpoint) is { } builtin
                ? await services.Builtins.RunAsync(builtin, request, arguments, ct)
                : await services.Endpoint.PostAsync(tool, argumentsJson, callId, ct);
            if (answer.Body is { } body) screened = services.Screen.Screen(name, body);
        }
        session.CallsMade++;
        if (answer.Error is { } error || screened is null)
        {
            var reason = answer.Error ?? "no answer";
            await AuditAsync(tool.Name, tool.Risk, callId, ToolCallOutcomes.Failed, reason, hash);
            return ($"The tool {name} failed: {reason}.", true);
        }
        await AuditAsync(tool.Name, tool.Risk, callId, ToolCallOutcomes.Called, "the tool answered", hash);
        if (screened.Flagged)
        {
            tainted = true;
            await AuditAsync(tool.Name, tool.Risk, callId, ToolCallOutcomes.ResultFlagged, "the tool's answer carried instructions; passed on as data", hash);
        }
        knownContext.Append('\n').Append(screened.Text);
        return (screened.Text, false);
    }

    private async Task<bool> ApproveAsync(ToolSpec tool, string callId, System.Text.Json.Nodes.JsonObject arguments, string hash, CancellationToken ct)
    {
        await AuditAsync(tool.Name, tool.Risk, callId, ToolCallOutcomes.ApprovalRequested, "waiting for a human's decision", hash);
        var card = ReplyStreamJson.Serialize(new ApprovalRequiredEvent(tool.Name, callId, tool.Risk, tool.Description, ToolArguments.Summary(arguments)));
        bool approved;
        using (session.PauseWatchdog())
        {
            await stream.AppendEventAsync(ToolApprovalProtocol.ApprovalRequiredEvent, card);
            approved = await services.Approvals.WaitAsync(request.ReplyId, callId, tool.Risk, tool.Name,
                TimeSpan.FromSeconds(services.Options.Value.ApprovalTimeoutSeconds), ct);
        }
        // The decider's own audit entry (who, when) is chat's; this one records what the worker did with it.
        await AuditAsync(tool.Name, tool.Risk, callId, approved ? ToolCallOutcomes.Approved : ToolCallOutcomes.Denied,
            approved ? "approved" : "denied or not decided in time", hash);
        return approved;
    }

    private async Task<(string Text, bool Error)> RefuseAsync(string name, string risk, string callId, string hash, string reason)
    {
        await AuditAsync(name, risk, callId, ToolCallOutcomes.Refused, reason, hash);
        return ($"The call of {name} was refused: {reason}. Do not retry it; tell the user what could not be done.", true);
    }

    private Task AuditAsync(string tool, string risk, string callId, string outcome, string reason, string hash)
    {
        ToolLog.ToolCall(logger, request.ReplyId, tool, callId, outcome, reason);
        return publisher.Publish(new ToolCallAudited(request.CorrelationId, services.Clock.GetUtcNow(), request.ReplyId, request.TenantId,
            request.UserId, tool, risk, callId, outcome, reason, hash, "inference-worker"));
    }
}
