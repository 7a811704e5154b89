// Placeholder entry point; the console UI is wired in Program.cs below once the engine is in place.
using Chatbot.AppHost;

return await AppHostCommand.RunAsync(args);
