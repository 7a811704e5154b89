using System.Text.Json.Serialization;

namespace Chatbot.Billing.Api;

/// <summary>
/// Limits of a plan or a tenant's overrides (null = unlimited for a plan, "use the plan's" for an override). A PUT
/// replaces every limit, so each must be present: an explicit null lifts it; a field left out is refused (400), never
/// read as "unlimited".
/// </summary>
public sealed record PlanRequest(
    [property: JsonRequired] long? UserTokensPerDay,
    [property: JsonRequired] long? TenantTokensPerDay,
    [property: JsonRequired] int? RequestsPerMinute,
    [property: JsonRequired] decimal? MonthlyBudgetUsd);
