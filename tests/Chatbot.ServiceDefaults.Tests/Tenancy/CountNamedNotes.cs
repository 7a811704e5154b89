using Chatbot.Contracts;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

/// <summary>A message whose tenant is nested: it names it through <see cref="ITenantMessage"/>.</summary>
public sealed record CountNamedNotes(Guid Probe, NotesOwner Owner) : ITenantMessage
{
    Guid ITenantMessage.TenantId => Owner.TenantId;
}
