using Microsoft.Extensions.Options;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>The singletons a reply's <see cref="ToolCallFilter"/> works with.</summary>
public sealed record ToolServices(
    ToolEndpointClient Endpoint,
    BuiltinToolRunner Builtins,
    ToolResultScreen Screen,
    ToolCallLimiter Limiter,
    ToolApprovals Approvals,
    IOptions<ToolOptions> Options,
    TimeProvider Clock);
