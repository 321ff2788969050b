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
    <message numerus="yes">
        <source>Exported %n node(s) to %1</source>
        <translation>
            <numerusform>Exported %n node to %1</numerusform>
            <numerusform>Exported %n nodes to %1</numerusform>
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
