using Chatbot.Contracts;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

public sealed class Note
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
}
