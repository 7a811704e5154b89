namespace Chatbot.Chat.Prompts.Experiments;

public sealed record ExperimentResultsDto(Guid Id, string Name, string Status, IReadOnlyList<VariantResultDto> Variants);
