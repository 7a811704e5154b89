using Chatbot.Contracts;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

public sealed class CountNotesConsumer(NotesDbContext db, NoteCounts sink) : IConsumer<CountNotes>
{
    public Task Consume(ConsumeContext<CountNotes> context) =>
        sink.RecordAsync(db, context.Message.Probe, nameof(CountNotes), context.CancellationToken);
}
