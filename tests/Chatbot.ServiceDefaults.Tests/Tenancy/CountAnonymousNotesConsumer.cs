using Chatbot.Contracts;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

public sealed class CountAnonymousNotesConsumer(NotesDbContext db, NoteCounts sink) : IConsumer<CountAnonymousNotes>
{
    public Task Consume(ConsumeContext<CountAnonymousNotes> context) =>
        sink.RecordAsync(db, context.Message.Probe, nameof(CountAnonymousNotes), context.CancellationToken);
}
