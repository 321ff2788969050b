<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message numerus="yes">
        <source>%1: %2 of %n node(s)</source>
        <translation>
            <numerusform>%1: %2 of %Ln node</numerusform>
            <numerusform>%1: %2 of %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n job(s)</source>
        <translation>
            <numerusform>%1: %2 of %Ln job</numerusform>
            <numerusform>%1: %2 of %Ln jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n alert(s)</source>
        <translation>
            <numerusform>%1: %2 of %Ln alert</numerusform>
            <numerusform>%1: %2 of %Ln alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n</source>
        <translation>
            <numerusform>%1: %2 of %Ln</numerusform>
            <numerusform>%1: %2 of %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; and %Ln more</numerusform>
            <numerusform>; and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 failed: the centre&apos;s scheduler (%2) has not answered for %n s; the gateway is up</source>
        <translation>
            <numerusform>%1 failed: the centre&apos;s scheduler (%2) has not answered for %Ln s; the gateway is up</numerusform>
            <numerusform>%1 failed: the centre&apos;s scheduler (%2) has not answered for %Ln s; the gateway is up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CanRunNow</name>
    <message numerus="yes">
        <source>, %Ln job(s) ahead need %1</source>
        <translation>
            <numerusform>, %Ln job ahead needs %1</numerusform>
            <numerusform>, %Ln jobs ahead need %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jobs of about this size (%1 to %2 accelerators) that started in the last 24 h waited %3 (the median of %n job(s)).</source>
        <translation>
            <numerusform>Jobs of about this size (%1 to %2 accelerators) that started in the last 24 h waited %3 (the median of %Ln job).</numerusform>
            <numerusform>Jobs of about this size (%1 to %2 accelerators) that started in the last 24 h waited %3 (the median of %Ln jobs).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n such job(s) wait now, the longest for %1.</source>
        <translation>
            <numerusform>%Ln such job waits now, for %1.</numerusform>
            <numerusform>%Ln such jobs wait now, the longest for %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::AlertsPage</name>
    <message numerus="yes">
        <source>%Ln open alert(s), %1 not acknowledged</source>
        <translation>
            <numerusform>%Ln open alert, %1 not acknowledged</numerusform>
            <numerusform>%Ln open alerts, %1 not acknowledged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %Ln alert(s)? Others will see that you are on it.</source>
        <translation>
            <numerusform>Acknowledge %Ln alert? Others will see that you are on it.</numerusform>
            <numerusform>Acknowledge %Ln alerts? Others will see that you are on them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::AuditPage</name>
    <message numerus="yes">
        <source>Load the next %Ln older entries (Ctrl+M)</source>
        <translation>
            <numerusform>Load the next %Ln older entry (Ctrl+M)</numerusform>
            <numerusform>Load the next %Ln older entries (Ctrl+M)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entries</source>
        <translation>
            <numerusform>%1 of %Ln entry</numerusform>
            <numerusform>%1 of %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::ConfirmActionDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::FederationTableModel</name>
    <message numerus="yes">
        <source>%n accelerator(s) down</source>
        <translation>
            <numerusform>%n accelerator down</numerusform>
            <numerusform>%n accelerators down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open critical alert(s)</source>
        <translation>
            <numerusform>%n open critical alert</numerusform>
            <numerusform>%n open critical alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Utilisation over the last %n minute(s), sampled by this console</source>
        <translation>
            <numerusform>Utilisation over the last %n minute, sampled by this console</numerusform>
            <numerusform>Utilisation over the last %n minutes, sampled by this console</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::JobTableModel</name>
    <message numerus="yes">
        <source>on %n node(s): %1</source>
        <translation>
            <numerusform>on %Ln node: %1</numerusform>
            <numerusform>on %Ln nodes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asks for %n node(s)</source>
        <translation>
            <numerusform>asks for %Ln node</numerusform>
            <numerusform>asks for %Ln nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::JobsPage</name>
    <message numerus="yes">
        <source>%Ln active job(s)</source>
        <translation>
            <numerusform>%Ln active job</numerusform>
            <numerusform>%Ln active jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln active job(s) match the filter</source>
        <translation>
            <numerusform>%1 of %Ln active job matches the filter</numerusform>
            <numerusform>%1 of %Ln active jobs match the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln selected</source>
        <translation>
            <numerusform>, %Ln selected</numerusform>
            <numerusform>, %Ln selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other selected job(s) are left alone: the action does not apply to their state.</source>
        <translation>
            <numerusform>%Ln other selected job is left alone: the action does not apply to its state.</numerusform>
            <numerusform>%Ln other selected jobs are left alone: the action does not apply to their state.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln job(s)? Running ones are stopped; this cannot be undone.</source>
        <translation>
            <numerusform>Cancel %Ln job? If it is running, it is stopped; this cannot be undone.</numerusform>
            <numerusform>Cancel %Ln jobs? Running ones are stopped; this cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requeue %Ln running job(s)? They stop now and wait in the queue again; work since their last checkpoint is lost.</source>
        <translation>
            <numerusform>Requeue %Ln running job? It stops now and waits in the queue again; work since its last checkpoint is lost.</numerusform>
            <numerusform>Requeue %Ln running jobs? They stop now and wait in the queue again; work since their last checkpoint is lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hold %Ln pending job(s)? They stay in the queue without starting until released.</source>
        <translation>
            <numerusform>Hold %Ln pending job? It stays in the queue without starting until released.</numerusform>
            <numerusform>Hold %Ln pending jobs? They stay in the queue without starting until released.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s)</source>
        <translation>
            <numerusform>%Ln job</numerusform>
            <numerusform>%Ln jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NodeTableModel</name>
    <message numerus="yes">
        <source>%n accelerator(s) failed</source>
        <translation>
            <numerusform>%Ln accelerator failed</numerusform>
            <numerusform>%Ln accelerators failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NodesPage</name>
    <message numerus="yes">
        <source>Drain %n node(s)? No new jobs will start on them; running jobs finish.</source>
        <translation>
            <numerusform>Drain %Ln node? No new jobs will start on it; running jobs finish.</numerusform>
            <numerusform>Drain %Ln nodes? No new jobs will start on them; running jobs finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return %n node(s) to service?</source>
        <translation>
            <numerusform>Return %Ln node to service?</numerusform>
            <numerusform>Return %Ln nodes to service?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reboot %n node(s) once their jobs have ended?</source>
        <translation>
            <numerusform>Reboot %Ln node once its jobs have ended?</numerusform>
            <numerusform>Reboot %Ln nodes once their jobs have ended?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::PriorityDialog</name>
    <message numerus="yes">
        <source>New priority for %n job(s). Higher runs first; it applies while they wait.</source>
        <translation>
            <numerusform>New priority for %Ln job. Higher runs first; it applies while it waits.</numerusform>
            <numerusform>New priority for %Ln jobs. Higher runs first; it applies while they wait.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::QueueTableModel</name>
    <message numerus="yes">
        <source>%1 of %n node(s) available</source>
        <translation>
            <numerusform>%1 of %Ln node available</numerusform>
            <numerusform>%1 of %Ln nodes available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::TableTools</name>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln row to %1</numerusform>
            <numerusform>Exported %Ln rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::TextLimitHint</name>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%Ln character too many</numerusform>
            <numerusform>%Ln characters too many</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%Ln character left</numerusform>
            <numerusform>%Ln characters left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::client::Connection</name>
    <message numerus="yes">
        <source>reconnecting in %n s: %1</source>
        <translation>
            <numerusform>reconnecting in %Ln s: %1</numerusform>
            <numerusform>reconnecting in %Ln s: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
