<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message numerus="yes">
        <source>%1: %2 of %n node(s)</source>
        <translation>
            <numerusform>%1: %2 of %n node</numerusform>
            <numerusform>%1: %2 of %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n job(s)</source>
        <translation>
            <numerusform>%1: %2 of %n job</numerusform>
            <numerusform>%1: %2 of %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n alert(s)</source>
        <translation>
            <numerusform>%1: %2 of %n alert</numerusform>
            <numerusform>%1: %2 of %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n</source>
        <translation>
            <numerusform>%1: %2 of %n</numerusform>
            <numerusform>%1: %2 of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; and %n more</numerusform>
            <numerusform>; and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CanRunNow</name>
    <message numerus="yes">
        <source>, %n job(s) ahead need %1</source>
        <translation>
            <numerusform>, %n job ahead needs %1</numerusform>
            <numerusform>, %n jobs ahead need %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::ConfirmActionDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::FederationPage</name>
    <message numerus="yes">
        <source>%n centre(s)</source>
        <translation>
            <numerusform>%n centre</numerusform>
            <numerusform>%n centres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::JobTableModel</name>
    <message numerus="yes">
        <source>on %n node(s): %1</source>
        <translation>
            <numerusform>on %n node: %1</numerusform>
            <numerusform>on %n nodes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asks for %n node(s)</source>
        <translation>
            <numerusform>asks for %n node</numerusform>
            <numerusform>asks for %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NodeTableModel</name>
    <message numerus="yes">
        <source>%n accelerator(s) failed</source>
        <translation>
            <numerusform>%n accelerator failed</numerusform>
            <numerusform>%n accelerators failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NodesPage</name>
    <message numerus="yes">
        <source>Drain %n node(s)? No new jobs will start on them; running jobs finish.</source>
        <translation>
            <numerusform>Drain %n node? No new jobs will start on it; running jobs finish.</numerusform>
            <numerusform>Drain %n nodes? No new jobs will start on them; running jobs finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return %n node(s) to service?</source>
        <translation>
            <numerusform>Return %n node to service?</numerusform>
            <numerusform>Return %n nodes to service?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reboot %n node(s) once their jobs have ended?</source>
        <translation>
            <numerusform>Reboot %n node once its jobs have ended?</numerusform>
            <numerusform>Reboot %n nodes once their jobs have ended?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::QueueTableModel</name>
    <message numerus="yes">
        <source>%1 of %n node(s) available</source>
        <translation>
            <numerusform>%1 of %n node available</numerusform>
            <numerusform>%1 of %n nodes available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::QuotaRequestsPage</name>
    <message numerus="yes">
        <source>Exported %n quota request(s) to %1</source>
        <translation>
            <numerusform>Exported %n quota request to %1</numerusform>
            <numerusform>Exported %n quota requests to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::TableTools</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::TenantsPage</name>
    <message numerus="yes">
        <source>Exported %n tenant(s) to %1</source>
        <translation>
            <numerusform>Exported %n tenant to %1</numerusform>
            <numerusform>Exported %n tenants to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::WallFederationPage</name>
    <message numerus="yes">
        <source>Federation · %n centre(s)</source>
        <translation>
            <numerusform>Federation · %n centre</numerusform>
            <numerusform>Federation · %n centres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::WallTakeover</name>
    <message numerus="yes">
        <source>and %n more new critical alert(s)</source>
        <translation>
            <numerusform>and %n more new critical alert</numerusform>
            <numerusform>and %n more new critical alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::client::Connection</name>
    <message numerus="yes">
        <source>reconnecting in %n s: %1</source>
        <translation>
            <numerusform>reconnecting in %n s: %1</numerusform>
            <numerusform>reconnecting in %n s: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
