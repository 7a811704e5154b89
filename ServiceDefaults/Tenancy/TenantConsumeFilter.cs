using System.Reflection;
using Chatbot.Contracts;
using MassTransit;

namespace Chatbot.ServiceDefaults.Tenancy;

/// <summary>
/// Enters the tenant of every consumed message that names one (a <see cref="Guid"/> <c>TenantId</c>, or
/// <see cref="ITenantMessage"/>), as
/// <see cref="TenantContextMiddleware"/> does for a request, so consumers never call <see cref="TenantContext.Enter"/>
/// themselves (the pattern of MassTransit's Sample-ScopedFilters <c>TokenConsumeFilter</c>). A message without a tenant
/// is consumed with none: tenant-scoped tables show it nothing and refuse its inserts (fail closed). Registered on every
/// receive endpoint of every service by <see cref="Microsoft.Extensions.Hosting.RabbitMqMessagingExtensions"/>.
/// </summary>
public sealed class TenantConsumeFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    private static readonly PropertyInfo? TenantId =
        typeof(T).GetProperty(nameof(TenantId)) is { PropertyType: var type } property && type == typeof(Guid) ? property : null;

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var tenant = context.Message is ITenantMessage named ? named.TenantId : TenantId?.GetValue(context.Message);
        if (tenant is not Guid tenantId)
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
