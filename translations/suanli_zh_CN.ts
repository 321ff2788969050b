<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>%1 not allowed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused: the gateway does not accept this console&apos;s token (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the gateway cannot be reached (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the gateway did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not possible now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n job(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n alert(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requeue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List audit entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingReasonText</name>
    <message>
        <source>held by a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for free accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for free %1 accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: jobs of higher priority are ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: tenant quota reached (%1/%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: tenant quota reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: tenant quota for %1 reached (%2/%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: tenant quota for %1 reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: project quota reached (%1/%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: project quota reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: project quota for %1 reached (%2/%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: project quota for %1 reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: the tenant&apos;s accelerator-hours for this month are used up (%1/%2 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: the tenant&apos;s accelerator-hours for this month are used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: the tenant&apos;s %1 accelerator-hours for this month are used up (%2/%3 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: the tenant&apos;s %1 accelerator-hours for this month are used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: the nodes it asked for are down, drained or reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for another job to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the start time its user set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just submitted: the scheduler has not looked at it yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting (the scheduler says %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Shanghai Lingang · nodes by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shanghai Lingang · accelerator utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/ 16,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue wait p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gpu-h800: 212 jobs pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE 1.18 · 3.9 t CO₂/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator-hours used this month by tenant Zhejiang Lab (all projects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accelerator-hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quota resets on the first of the month at 00:00 CST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting in 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>Needs the operator or admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the tenant-manager or admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the admin role.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XID error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECC errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overheating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long queue wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator of list items</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Management console for AI compute centres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start three simulated centres and connect to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No centres configured yet. Start with `suanli --demo` to try three simulated centres.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::AuditTableModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hash %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::ConfirmActionDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Required: shown to other admins and in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: kept in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::DemoFederation</name>
    <message>
        <source>suanlid was not found next to the console or on PATH; build it or install it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the demo centres: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the demo admin for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo centre %1 could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo centre %1 stopped (exit %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::JobTableModel</name>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited / ran for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>on %n node(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asks for %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>waiting since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ran from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running since %1, time limit %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running since %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::MainWindow</name>
    <message>
        <source>Suanli — compute centre console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when Suanli starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Suanli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Suanli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suanli (算力) — a management console for AI compute centres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: backend unreachable, data %2 s old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: reconnecting in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: certificate not trusted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: certificate changed — blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this centre?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 presents a certificate authority this console has not seen before.

SHA-256 fingerprint:
%2

Compare it with the fingerprint suanlid printed when it started. Trust it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected: its certificate was not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now presents a DIFFERENT certificate authority (%2). The connection is blocked: this can mean someone is intercepting it. Check with the centre&apos;s operators before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the token: it may have been revoked. Ask an admin for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::NodeTableModel</name>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reboot pending: the node restarts when its jobs end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n accelerator(s) failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NodesPage</name>
    <message>
        <source>&amp;Drain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;boot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter, e.g. state:drained model:910B util&lt;10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes by rack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 accelerators in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation %1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop scheduling jobs on the selected nodes; running jobs finish (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the selected nodes to service (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot the selected nodes once their jobs have ended (Ctrl+Shift+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Drain %n node(s)? No new jobs will start on them; running jobs finish.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Return %n node(s) to service?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reboot %n node(s) once their jobs have ended?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n node(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NotificationBar</name>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::OverviewPage</name>
    <message>
        <source>Accelerators in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carbon per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak FP16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kg CO₂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grid %1 g/kWh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::ProfileStore</name>
    <message>
        <source>No token stored for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::QueueTableModel</name>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 free, %3 in use, %4 down, %5 unavailable, of %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait (95th percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest startable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) available</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>jobs may run up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending jobs ask for %1 accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>half the jobs that started in the last hour waited less than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % of the jobs that started in the last hour waited less than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the most accelerators a job could get if it started now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::QuotaRequestTableModel</name>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators (current → asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tenant&apos;s own quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accelerator-hours a month: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permanently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approving would go beyond the tenant&apos;s own quota: only a centre admin may approve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::app::TenantTreeModel</name>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 %3 in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 in use, no quota set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more asked for by pending jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accelerator-hours this month: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accelerator-hours this month: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accelerators in use / quota</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::client::Connection</name>
    <message>
        <source>checking the gateway&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway presents a certificate authority with fingerprint %1; it is not trusted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway now presents a certificate authority with fingerprint %1, not the trusted %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway did not send the centre&apos;s state in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>reconnecting in %n s: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>reconnecting: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::client::TlsProbe</name>
    <message>
        <source>no TLS handshake within the time allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway presented no certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::widgets::KpiTile</name>
    <message>
        <source>%1 in the last %2</source>
        <comment>trend: change, period</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>age in seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>age in minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>age in hours</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>age in days</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: no recent data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: updated %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::widgets::QuotaBar</name>
    <message>
        <source>Quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 used, no quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 (%3 %, over quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::widgets::RackHeatmap</name>
    <message>
        <source>Rack heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (rack %2)
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes in %2 racks: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>legend: state, count</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>racks from, to</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value, unit</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suanli::widgets::StatusBadge</name>
    <message>
        <source>%1+</source>
        <comment>more than a count</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
