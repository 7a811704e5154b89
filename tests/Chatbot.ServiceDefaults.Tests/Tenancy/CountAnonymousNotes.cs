using Chatbot.Contracts;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

public sealed record CountAnonymousNotes(Guid Probe);
