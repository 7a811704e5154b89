namespace Chatbot.Doctor;

/// <summary>A row of the launch scorecard (seed 001's Quick Scorecard, seed 003's checklist) and the usual fix when it fails.</summary>
public sealed record ScorecardRow(string Id, string Title, string Fix);
