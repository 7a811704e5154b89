using System.Reflection;
using MassTransit;

namespace Chatbot.Chat.Tenancy;

/// <summary>
/// Enters the tenant of every consumed message that names one (a <see cref="Guid"/> <c>TenantId</c>), as
/// <see cref="TenantContextMiddleware"/> does for a request, so consumers never call <see cref="TenantContext.Enter"/>
/// themselves (the pattern of MassTransit's Sample-ScopedFilters <c>TokenConsumeFilter</c>).
/// </summary>
public sealed class TenantConsumeFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    private static readonly PropertyInfo? TenantId =
        typeof(T).GetProperty(nameof(TenantId)) is { PropertyType: var type } property && type == typeof(Guid) ? property : null;

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (TenantId?.GetValue(context.Message) is not Guid tenantId)
        {
            await next.Send(context);
            return;
        }
        using (TenantContext.Enter(tenantId))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant");
}
