#include "tools/suanlictl/Cli.h"

#include "common/Describe.h"
#include "common/QuotaRules.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <set>
#include <string_view>

namespace suanli::ctl {

namespace {

enum class ValueType {
    Flag, // takes no value
    Text,
    Positive, // whole number >= 1
    Integer, // any whole number
    Seconds, // number > 0
    Model,
    Role,
    Date, // YYYY-MM-DD
};

struct OptionSpec {
    std::string_view name;
    ValueType type = ValueType::Text;
    std::string_view valueName;
    bool required = false;
    bool repeatable = false;
    std::string_view help;
};

struct CommandSpec {
    std::string_view path; // "nodes drain"
    std::string_view args; // "NAME...", "ID", "TENANT[/PROJECT]"
    int minArgs = 0;
    int maxArgs = 0; // -1: any number
    std::vector<OptionSpec> options;
    std::string_view summary;
};

const OptionSpec kFilter { "filter", ValueType::Text, "F", false, false,
    "filter, e.g. 'state:drained model:910B util<10'" };
const OptionSpec kOrderBy { "order-by", ValueType::Text, "O", false, false,
    "sort, e.g. 'util desc' or 'priority desc,submit'" };
const OptionSpec kLimit { "limit", ValueType::Positive, "N", false, false,
    "at most N rows (default: all pages)" };
const OptionSpec kReason { "reason", ValueType::Text, "R", false, false, "why, for the audit log" };
const OptionSpec kReasonRequired { "reason", ValueType::Text, "R", true, false,
    "why, shown to other admins and in the audit log" };
const OptionSpec kComment { "comment", ValueType::Text, "C", false, false,
    "comment for the requester and the audit log" };
const OptionSpec kCount { "count", ValueType::Positive, "N", false, false,
    "stop after N messages (default: until interrupted)" };
const OptionSpec kModel { "model", ValueType::Model, "M", true, false,
    "accelerator model: h100, h800, a100, a800, 910b, mlu370, k100; or all, for the one limit "
    "across all models" };
const OptionSpec kAccelerators { "accelerators", ValueType::Integer, "N", true, false,
    "accelerators that may be in use at once" };
const OptionSpec kHours { "hours", ValueType::Integer, "H", false, false,
    "accelerator-hours per calendar month (0: no limit)" };

const std::vector<OptionSpec> kGlobalOptions = {
    { "server", ValueType::Text, "HOST:PORT", false, false,
        "suanlid's address (default 127.0.0.1:7443; env SUANLI_SERVER)" },
    { "token", ValueType::Text, "TOKEN", false, false, "bearer token (env SUANLI_TOKEN)" },
    { "token-file", ValueType::Text, "FILE", false, false, "read the bearer token from FILE" },
    { "ca", ValueType::Text, "FILE", false, false,
        "PEM of the gateway's CA (env SUANLI_CA; default: the system's roots)" },
    { "json", ValueType::Flag, "", false, false,
        "JSON: one document per command, one line per watch message" },
    { "timeout", ValueType::Seconds, "SECONDS", false, false,
        "deadline of each call (default 15)" },
    { "help", ValueType::Flag, "", false, false, "usage of the program or of a command (-h)" },
    { "version", ValueType::Flag, "", false, false, "print suanlictl's version and exit" },
};

const std::vector<CommandSpec> &commandTable()
{
    static const std::vector<CommandSpec> table = {
        { "whoami", "", 0, 0, {}, "who the token belongs to: user, role, tenants, site" },
        { "overview", "", 0, 0, {}, "site figures: accelerators, nodes, jobs, power, alerts" },
        { "nodes list", "", 0, 0, { kFilter, kOrderBy, kLimit }, "nodes, filtered and sorted" },
        { "nodes show", "NAME", 1, 1, {}, "one node with its accelerators" },
        { "nodes drain", "NAME...", 1, -1, { kReasonRequired },
            "stop scheduling jobs on nodes; running jobs finish" },
        { "nodes resume", "NAME...", 1, -1, { kReason },
            "return drained or down nodes to service" },
        { "nodes reboot", "NAME...", 1, -1, { kReason },
            "reboot nodes once their jobs have ended" },
        { "queues list", "", 0, 0, {}, "queues (partitions): capacity, jobs, waits" },
        { "jobs list", "", 0, 0, { kFilter, kOrderBy, kLimit }, "jobs, filtered and sorted" },
        { "jobs show", "ID", 1, 1, {}, "one job, with why it waits" },
        { "jobs cancel", "ID...", 1, -1, { kReason }, "cancel jobs" },
        { "jobs hold", "ID...", 1, -1, { kReason }, "keep pending jobs from starting" },
        { "jobs release", "ID...", 1, -1, { kReason }, "let held jobs start again" },
        { "jobs requeue", "ID...", 1, -1, { kReason }, "put running jobs back in the queue" },
        { "jobs priority", "ID...", 1, -1,
            { { "value", ValueType::Integer, "N", true, false, "new priority, 0 to 1000000" },
                kReason },
            "set the priority of pending jobs" },
        { "tenants list", "", 0, 0, { kFilter }, "tenants and projects with quotas and use" },
        { "quota set", "TENANT[/PROJECT]", 1, 1, { kModel, kAccelerators, kHours, kReason },
            "set a tenant's or project's quota for one model or all models (admin)" },
        { "quota requests", "", 0, 0, { kFilter, kLimit }, "requests for more quota" },
        { "quota request", "TENANT[/PROJECT]", 1, 1,
            { kModel, kAccelerators, kHours,
                { "justification", ValueType::Text, "TEXT", true, false,
                    "why the quota is needed" },
                { "until", ValueType::Date, "YYYY-MM-DD", false, false,
                    "last day the quota is needed (default: permanently)" } },
            "ask for more quota (the new total, not an increment)" },
        { "quota approve", "ID", 1, 1, { kComment }, "approve and apply a quota request" },
        { "quota reject", "ID", 1, 1,
            { { "comment", ValueType::Text, "C", true, false, "why, for the requester" } },
            "reject a quota request" },
        { "alerts list", "", 0, 0, { kFilter, kLimit }, "alerts, open and recent" },
        { "alerts ack", "ID...", 1, -1, { kComment }, "acknowledge alerts: someone is on it" },
        { "audit list", "", 0, 0, { kFilter, kLimit }, "the audit log, newest first" },
        { "audit verify", "", 0, 0, {}, "check the audit log's hash chain (admin)" },
        { "place", "", 0, 0,
            { { "model", ValueType::Text, "M[,M...]", true, false,
                  "acceptable accelerator models: 910b, or 910b,mlu370" },
                { "accelerators", ValueType::Positive, "N", true, false,
                    "accelerators in all, e.g. 256" },
                { "per-node", ValueType::Positive, "K", false, false,
                    "accelerators on each node (the gang shape), e.g. 8" },
                { "hours", ValueType::Text, "H", true, false, "time asked for, in hours, e.g. 12" },
                { "tenant", ValueType::Text, "T[/P]", false, false,
                    "tenant (and project) whose quotas apply" },
                { "queue", ValueType::Text, "Q", false, false,
                    "queue to use (default: the model's)" },
                { "order", ValueType::Text, "O", false, false,
                    "soonest (default), greenest or domestic" },
                { "centre", ValueType::Text, "NAME", false, true,
                    "a centre of the contexts file ($SUANLI_CONTEXTS or ~/.config/suanli/contexts; "
                    "repeatable)" },
                { "all-centres", ValueType::Flag, "", false, false,
                    "every centre of the contexts file" } },
            "where work of a shape would start: soonest, greenest, on domestic accelerators, or "
            "why "
            "not" },
        { "watch nodes", "", 0, 0, { kCount }, "print node changes as they happen" },
        { "watch jobs", "", 0, 0, { kCount }, "print job changes as they happen" },
        { "watch alerts", "", 0, 0, { kCount }, "print alerts as they are raised and change" },
        { "watch queues", "", 0, 0, { kCount }, "print queue changes as they happen" },
        { "watch quota-requests", "", 0, 0, { kCount }, "print quota requests as they change" },
        { "users list", "", 0, 0, {}, "users of this gateway (admin)" },
        { "users add", "NAME", 1, 1,
            { { "role", ValueType::Role, "R", true, false,
                  "viewer, operator, tenant-manager or admin" },
                { "tenant", ValueType::Text, "T", false, true,
                    "tenant the user acts for (repeatable)" } },
            "add a user and print its first token, shown once (admin)" },
        { "users remove", "NAME", 1, 1, {}, "remove a user and all their tokens (admin)" },
        { "tokens create", "USER", 1, 1, {}, "issue another token for a user, shown once (admin)" },
        { "tokens revoke", "TOKEN_ID", 1, 1, {}, "revoke one token by its id (admin)" },
    };
    return table;
}

std::string_view groupOf(std::string_view path)
{
    return path.substr(0, path.find(' '));
}

bool isGroup(std::string_view word)
{
    for (const CommandSpec &c : commandTable()) {
        if (c.path.size() > word.size() && groupOf(c.path) == word)
            return true;
    }
    return false;
}

const CommandSpec *findCommand(std::string_view path)
{
    for (const CommandSpec &c : commandTable()) {
        if (c.path == path)
            return &c;
    }
    return nullptr;
}

const OptionSpec *findOption(const std::vector<OptionSpec> &options, std::string_view name)
{
    for (const OptionSpec &o : options) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

// The option of that name in any command or the globals: options mean the same everywhere, so
// whether one takes a value is known before the command is.
const OptionSpec *findAnyOption(std::string_view name)
{
    if (const OptionSpec *o = findOption(kGlobalOptions, name))
        return o;
    for (const CommandSpec &c : commandTable()) {
        if (const OptionSpec *o = findOption(c.options, name))
            return o;
    }
    return nullptr;
}

std::string optionSynopsis(const OptionSpec &o)
{
    std::string text = "--" + std::string(o.name);
    if (o.type != ValueType::Flag)
        text += " " + std::string(o.valueName);
    if (o.repeatable)
        text += "...";
    return o.required ? text : "[" + text + "]";
}

std::string synopsis(const CommandSpec &c)
{
    std::string text = std::string(c.path);
    if (!c.args.empty())
        text += " " + std::string(c.args);
    for (const OptionSpec &o : c.options)
        text += " " + optionSynopsis(o);
    return text;
}

std::string padded(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    else
        text += "  ";
    return text;
}

std::string optionLines(const std::vector<OptionSpec> &options)
{
    std::string out;
    for (const OptionSpec &o : options) {
        std::string name = o.name == "help" ? "-h, --help" : "--" + std::string(o.name);
        if (o.type != ValueType::Flag)
            name += " " + std::string(o.valueName);
        out += "  " + padded(name, 26) + std::string(o.help) + "\n";
    }
    return out;
}

std::string commandList(std::string_view group)
{
    std::string out;
    for (const CommandSpec &c : commandTable()) {
        if (!group.empty() && groupOf(c.path) != group)
            continue;
        out += "  " + synopsis(c) + "\n      " + std::string(c.summary) + "\n";
    }
    return out;
}

constexpr std::string_view kFilterHelp
    = "Filters: space-separated terms that must all match; FIELD:VALUE (equals, or contains for\n"
      "free text), FIELD=V, !=, <, <=, >, >=; commas mean any of (state:idle,mixed); a leading -\n"
      "negates (-state:down); quote values with spaces (reason:\"XID 79\"); a bare word searches\n"
      "names and ids. e.g. --filter 'state:drained,down model:910B' or 'state:pending acc>=64'.\n";

constexpr std::string_view kExitCodes
    = "Exit codes: 0 done; 1 the server refused or failed (or any target of a batch action did);\n"
      "2 a mistake on the command line.\n";

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

bool validDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    const auto y = parseInteger(text.substr(0, 4));
    const auto m = parseInteger(text.substr(5, 2));
    const auto d = parseInteger(text.substr(8, 2));
    if (!y || !m || !d || *m < 1 || *d < 1)
        return false;
    using namespace std::chrono;
    return year_month_day {
        year { static_cast<int>(*y) }, month { static_cast<unsigned>(*m) },
        day { static_cast<unsigned>(*d) }
    }.ok();
}

// Checks a value against its option's type; returns what is wrong, or "" when it is fine.
std::string checkValue(const OptionSpec &o, const std::string &value)
{
    const std::string option = "--" + std::string(o.name);
    switch (o.type) {
    case ValueType::Flag:
    case ValueType::Text:
        return {};
    case ValueType::Positive: {
        const auto n = parseInteger(value);
        if (!n || *n < 1)
            return option + " expects a whole number of at least 1, got \"" + value + "\"";
        return {};
    }
    case ValueType::Integer:
        if (!parseInteger(value))
            return option + " expects a whole number, got \"" + value + "\"";
        return {};
    case ValueType::Seconds: {
        char *end = nullptr;
        const double seconds = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !(seconds > 0))
            return option + " expects seconds greater than 0, got \"" + value + "\"";
        return {};
    }
    case ValueType::Model:
        if (!parseQuotaKind(value))
            return "unknown model \"" + value + "\" for " + option
                + " (known: h100, h800, a100, a800, 910b, mlu370, k100, all)";
        return {};
    case ValueType::Role:
        if (!parseRole(value))
            return "unknown role \"" + value + "\" for " + option
                + " (known: viewer, operator, tenant-manager, admin)";
        return {};
    case ValueType::Date:
        if (!validDate(value))
            return option + " expects a date as YYYY-MM-DD, got \"" + value + "\"";
        return {};
    }
    return {};
}

struct ParsedOption {
    const OptionSpec *spec;
    std::string value;
};

Invocation usageError(Invocation inv, std::string error, const std::string &command)
{
    inv.action = Invocation::Action::UsageError;
    inv.error = std::move(error);
    inv.command = command;
    inv.usage = Cli::shortUsage(command);
    return inv;
}

} // namespace

std::string Cli::usage(const std::string &command)
{
    if (const CommandSpec *c = findCommand(command)) {
        std::string out
            = "usage: suanlictl " + synopsis(*c) + "\n  " + std::string(c->summary) + "\n";
        if (!c->options.empty())
            out += "\nOptions:\n" + optionLines(c->options);
        if (findOption(c->options, "filter"))
            out += "\n" + std::string(kFilterHelp);
        out += "\nGlobal options (anywhere on the line):\n" + optionLines(kGlobalOptions);
        return out;
    }
    if (!command.empty() && isGroup(command)) {
        return "usage: suanlictl " + command + " COMMAND [ARGS] [OPTIONS]\n\nCommands:\n"
            + commandList(command) + "\nGlobal options (anywhere on the line):\n"
            + optionLines(kGlobalOptions);
    }
    return "usage: suanlictl [GLOBAL OPTIONS] COMMAND [ARGS] [OPTIONS]\n"
           "The command-line client of suanlid, the Suanli gateway of an AI compute centre.\n"
           "\nCommands:\n"
        + commandList({}) + "\nGlobal options (anywhere on the line):\n"
        + optionLines(kGlobalOptions) + "\n" + std::string(kFilterHelp) + "\n"
        + std::string(kExitCodes);
}

std::string Cli::shortUsage(const std::string &command)
{
    if (const CommandSpec *c = findCommand(command))
        return "usage: suanlictl " + synopsis(*c) + "\nRun 'suanlictl " + command
            + " --help' for details.\n";
    if (!command.empty() && isGroup(command)) {
        std::string out = "usage:\n";
        for (const CommandSpec &c : commandTable()) {
            if (groupOf(c.path) == command)
                out += "  suanlictl " + synopsis(c) + "\n";
        }
        return out + "Run 'suanlictl " + command + " --help' for details.\n";
    }
    return "usage: suanlictl [GLOBAL OPTIONS] COMMAND [ARGS] [OPTIONS]\n"
           "Run 'suanlictl --help' for the commands.\n";
}

Invocation Cli::parse(const std::vector<std::string> &args, const Environment &env)
{
    Invocation inv;
    if (env) {
        if (auto v = env("SUANLI_SERVER"); v && !v->empty())
            inv.global.server = *v;
        if (auto v = env("SUANLI_TOKEN"); v && !v->empty())
            inv.global.token = *v;
        if (auto v = env("SUANLI_CA"); v && !v->empty())
            inv.global.caFile = *v;
    }

    std::vector<std::string> words;
    std::vector<ParsedOption> parsed;
    std::string firstError;
    bool help = false;
    bool version = false;
    bool positionalOnly = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (positionalOnly) {
            words.push_back(arg);
            continue;
        }
        if (arg == "--") {
            positionalOnly = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") {
            help = true;
            continue;
        }
        if (arg == "--version") {
            version = true;
            continue;
        }
        if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
            const std::size_t eq = arg.find('=');
            const std::string name = arg.substr(2, eq == std::string::npos ? eq : eq - 2);
            const OptionSpec *spec = findAnyOption(name);
            if (!spec) {
                if (firstError.empty())
                    firstError = "unknown option --" + name;
                continue;
            }
            ParsedOption option { spec, {} };
            if (spec->type == ValueType::Flag) {
                if (eq != std::string::npos && firstError.empty())
                    firstError = "--" + name + " takes no value";
            } else if (eq != std::string::npos) {
                option.value = arg.substr(eq + 1);
            } else if (i + 1 < args.size()) {
                option.value = args[++i];
            } else {
                if (firstError.empty())
                    firstError
                        = "--" + name + " needs a value (" + std::string(spec->valueName) + ")";
                continue;
            }
            parsed.push_back(std::move(option));
            continue;
        }
        if (arg.size() > 1 && arg[0] == '-') {
            if (firstError.empty())
                firstError = "unknown option " + arg;
            continue;
        }
        words.push_back(arg);
    }

    // `suanlictl help nodes drain` is `suanlictl nodes drain --help`.
    if (!words.empty() && words[0] == "help") {
        help = true;
        words.erase(words.begin());
    }

    // The command: one word (whoami) or a group and a subcommand (nodes drain).
    std::string command;
    std::size_t used = 0;
    if (!words.empty()) {
        if (findCommand(words[0])) {
            command = words[0];
            used = 1;
        } else if (isGroup(words[0])) {
            command = words[0];
            used = 1;
            if (words.size() > 1 && findCommand(words[0] + " " + words[1])) {
                command += " " + words[1];
                used = 2;
            }
        }
    }

    if (version && !help) {
        inv.action = Invocation::Action::Version;
        return inv;
    }
    if (help) {
        inv.action = Invocation::Action::Help;
        inv.command = command;
        inv.usage = usage(command);
        return inv;
    }
    if (!firstError.empty())
        return usageError(inv, firstError, command);
    if (words.empty())
        return usageError(inv, "missing command", {});
    if (command.empty())
        return usageError(inv, "unknown command \"" + words[0] + "\"", {});
    const CommandSpec *spec = findCommand(command);
    if (!spec) {
        std::string subcommands;
        for (const CommandSpec &c : commandTable()) {
            if (groupOf(c.path) == command)
                subcommands += (subcommands.empty() ? "" : ", ")
                    + std::string(c.path.substr(command.size() + 1));
        }
        if (words.size() > 1)
            return usageError(inv,
                "unknown command \"" + command + " " + words[1] + "\" (" + command
                    + " has: " + subcommands + ")",
                command);
        return usageError(inv, command + " needs a command: " + subcommands, command);
    }

    inv.command = command;
    inv.args.assign(words.begin() + static_cast<std::ptrdiff_t>(used), words.end());
    const int count = static_cast<int>(inv.args.size());
    const std::string argName = std::string(spec->args);
    if (count < spec->minArgs)
        return usageError(inv, command + " needs " + argName, command);
    if (spec->maxArgs >= 0 && count > spec->maxArgs) {
        if (spec->maxArgs == 0)
            return usageError(
                inv, command + " takes no arguments, got \"" + inv.args[0] + "\"", command);
        return usageError(inv,
            command + " takes one " + argName + ", got " + std::to_string(count) + ": "
                + inv.args[0] + " " + inv.args[1] + (count > 2 ? " ..." : ""),
            command);
    }
    for (const std::string &arg : inv.args) {
        if (arg.empty())
            return usageError(inv, argName + " must not be empty", command);
    }
    if (argName == "TENANT[/PROJECT]") {
        const std::string &target = inv.args[0];
        const std::size_t slash = target.find('/');
        if (slash == 0
            || (slash != std::string::npos
                && (slash + 1 == target.size()
                    || target.find('/', slash + 1) != std::string::npos)))
            return usageError(
                inv, "expected TENANT or TENANT/PROJECT, got \"" + target + "\"", command);
    }

    for (const ParsedOption &option : parsed) {
        const std::string name = std::string(option.spec->name);
        const bool global = findOption(kGlobalOptions, name) != nullptr;
        const OptionSpec *own = findOption(spec->options, name);
        if (!global && !own)
            return usageError(inv, command + " does not take --" + name, command);
        const OptionSpec &checked = own ? *own : *option.spec;
        if (std::string problem = checkValue(checked, option.value); !problem.empty())
            return usageError(inv, problem, command);
        if (global) {
            if (name == "server") {
                if (option.value.empty())
                    return usageError(inv, "--server needs HOST:PORT", command);
                inv.global.server = option.value;
            } else if (name == "token") {
                inv.global.token = option.value;
            } else if (name == "token-file") {
                inv.global.tokenFile = option.value;
            } else if (name == "ca") {
                inv.global.caFile = option.value;
            } else if (name == "json") {
                inv.global.json = true;
            } else if (name == "timeout") {
                inv.global.timeoutSeconds = std::strtod(option.value.c_str(), nullptr);
            }
            continue;
        }
        inv.options[name].push_back(option.value);
    }
    // --token wins over --token-file, which wins over SUANLI_TOKEN.
    const bool tokenGiven = std::any_of(parsed.begin(), parsed.end(),
        [](const ParsedOption &o) { return o.spec->name == "token"; });
    if (tokenGiven)
        inv.global.tokenFile.clear();
    for (const OptionSpec &o : spec->options) {
        if (o.required && !inv.has(std::string(o.name))) {
            return usageError(inv,
                command + " needs --" + std::string(o.name) + " " + std::string(o.valueName) + " ("
                    + std::string(o.help) + ")",
                command);
        }
    }
    return inv;
}

Invocation Cli::parse(int argc, char **argv)
{
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    return parse(args, [](const std::string &name) -> std::optional<std::string> {
        const char *value = std::getenv(name.c_str());
        return value ? std::optional<std::string>(value) : std::nullopt;
    });
}

} // namespace suanli::ctl
